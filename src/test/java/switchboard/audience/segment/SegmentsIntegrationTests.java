package switchboard.audience.segment;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.audience.AudienceRows;
import switchboard.audience.tag.Tags;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Segments tab as plain forms (no script): create, fix a mistake shown beside its field, edit, count, delete. */
@SwitchboardTest
class SegmentsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Tags tags;

    @Autowired
    Segments segments;

    @Autowired
    JdbcClient jdbc;

    @Test
    void agentCreatesEditsAndDeletesASegmentWithPlainForms() {
        Tenant tenant = tenants.create("Plain Segments " + System.nanoTime());
        long account = tenant.accountId();
        var agent = tenants.addMember(account, switchboard.accounts.Role.AGENT);
        AudienceRows rows = new AudienceRows(jdbc);
        long ann = rows.contact(account, "Ann", "Lee", "Acme", Map.of());
        long bob = rows.contact(account, "Bob", "Ray", "Bobco", Map.of());
        long vip = tags.create(account, "VIP").id();
        tags.tag(account, vip, new long[]{ann, bob});
        Browserless browser = new Browserless(port);
        browser.signIn(agent.email(), TestTenants.PASSWORD);

        assertThat(browser.get("/audience/segments").body()).contains("No segments yet");
        var preview = browser.submit("/audience/segments/new", "/audience/segments/preview", Map.of("tagIds", String.valueOf(vip),
                "conditionAttribute", "source", "conditionOperator", "equals", "conditionValue", "<b>1</b>"));
        assertThat(preview.body()).as("what was typed comes back escaped").contains("&lt;b&gt;").doesNotContain("<b>");
        String form = browser.get("/audience/segments/new").body();
        assertThat(form).contains("New segment").contains("VIP").contains("name=\"conditionAttribute\"");

        var mistake = browser.submit("/audience/segments/new", "/audience/segments", Map.of("name", "VIP at Acme",
                "tagIds", String.valueOf(vip), "conditionAttribute", "company", "conditionOperator", "greater", "conditionValue", "1"));
        assertThat(mistake.statusCode()).isEqualTo(200);
        assertThat(mistake.body()).contains("Condition 1: ").contains("value=\"VIP at Acme\"");
        assertThat(segments.list(account)).isEmpty();

        var created = browser.submit("/audience/segments/new", "/audience/segments", Map.of("name", "VIP at Acme",
                "tagIds", String.valueOf(vip), "conditionAttribute", "company", "conditionOperator", "equals", "conditionValue", "acme"));
        assertThat(Browserless.redirectPath(created)).isEqualTo("/audience/segments");
        assertThat(browser.get("/audience/segments").body()).contains("Added the segment VIP at Acme.");
        long id = segments.list(account).getFirst().id();
        assertThat(browser.get("/audience/segments/" + id + "/count").body()).isEqualTo("1 contact");

        String path = "/audience/segments/" + id;
        assertThat(browser.get(path).body()).contains("value=\"acme\"").containsPattern("value=\"" + vip + "\"\\s+checked");
        var saved = browser.submit(path, path, Map.of("name", "All VIPs", "tagIds", String.valueOf(vip)));
        assertThat(Browserless.redirectPath(saved)).isEqualTo("/audience/segments");
        assertThat(browser.get(path + "/count").body()).isEqualTo("2 contacts");

        assertThat(browser.get(path + "/delete").body()).contains("Delete the segment All VIPs?");
        assertThat(Browserless.redirectPath(browser.submit(path + "/delete", path + "/delete", Map.of()))).isEqualTo("/audience/segments");
        assertThat(segments.list(account)).isEmpty();
        assertThat(rows.contactCount(account)).isEqualTo(2);
    }
}
