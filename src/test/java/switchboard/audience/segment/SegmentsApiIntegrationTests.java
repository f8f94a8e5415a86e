package switchboard.audience.segment;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.audience.AudienceRows;
import switchboard.audience.list.Lists;
import switchboard.audience.tag.Tags;
import switchboard.testsupport.BearerClient;
import switchboard.testsupport.BearerClient.Answer;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/v1/segments over real HTTP: definition, checks, member count and members page by page. */
@SwitchboardTest
class SegmentsApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Tags tags;

    @Autowired
    Lists lists;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsReadsReplacesPagesMembersAndDeletesASegment() {
        Tenant tenant = tenants.create("Api Segments " + System.nanoTime());
        long account = tenant.accountId();
        String token = tenants.tokenFor(tenants.addMember(account, switchboard.accounts.Role.AGENT));
        BearerClient api = new BearerClient(port);
        AudienceRows rows = new AudienceRows(jdbc);
        List<Long> leads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            leads.add(rows.contact(account, "Lead" + i, "Person", i < 3 ? "Acme" : "Other", Map.of()));
        }
        long listed = rows.contact(account, "Listed", "Person", "Acme", Map.of());
        rows.contact(account, "Nobody", "Person", "Acme", Map.of());
        long lead = tags.create(account, "Lead").id();
        tags.tag(account, lead, leads.stream().mapToLong(Long::longValue).toArray());
        long trial = lists.create(account, "Trial").id();
        lists.add(account, trial, new long[]{listed});

        Answer created = api.post("/api/v1/segments", token, """
                {"name": "Acme leads", "tagIds": [%d], "listIds": [%d],
                 "conditions": [{"attribute": "company", "operator": "equals", "value": "acme"}]}""".formatted(lead, trial));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/segments/" + id));
        assertThat(created.json().get("conditions").get(0).get("operator").asString()).isEqualTo("equals");

        Answer fetched = api.get("/api/v1/segments/" + id, token);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("memberCount").asLong()).as("3 Acme leads and the listed Acme contact").isEqualTo(4);

        List<Long> members = new ArrayList<>();
        String after = null;
        do {
            Answer page = api.get("/api/v1/segments/" + id + "/contacts?limit=3" + (after == null ? "" : "&after=" + after), token);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(item -> members.add(item.get("id").asLong()));
            after = page.json().get("next").isNull() ? null : page.json().get("next").asString();
        } while (after != null);
        assertThat(members).containsExactly(leads.get(0), leads.get(1), leads.get(2), listed);

        Answer replaced = api.put("/api/v1/segments/" + id, token, """
                {"name": "Other leads", "tagIds": [%d], "conditions": [{"attribute": "company", "operator": "contains", "value": "oth"}]}"""
                .formatted(lead));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("listIds").size()).as("left out: none").isZero();
        assertThat(api.get("/api/v1/segments/" + id, token).json().get("memberCount").asLong()).isEqualTo(2);

        assertThat(api.get("/api/v1/segments", token).json().get("items").get(0).get("name").asString()).isEqualTo("Other leads");
        assertThat(api.delete("/api/v1/segments/" + id, token).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/segments/" + id, token).status()).isEqualTo(404);
        assertThat(rows.contactCount(account)).isEqualTo(7);
    }

    @Test
    void refusesForeignTagsAndConditionsThatDoNotFitNamingTheField() {
        Tenant tenant = tenants.create("Api Segment Checks " + System.nanoTime());
        Tenant other = tenants.create("Api Segment Other " + System.nanoTime());
        long theirTag = tags.create(other.accountId(), "Theirs").id();
        BearerClient api = new BearerClient(port);

        Answer foreign = api.post("/api/v1/segments", tenant.ownerToken(), "{\"name\": \"X\", \"tagIds\": [" + theirTag + "]}");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("field").asString()).isEqualTo("tagIds");
        assertThat(foreign.json().get("detail").asString()).isEqualTo("Tag " + theirTag + " does not exist in this account.");

        Answer badOperator = api.post("/api/v1/segments", tenant.ownerToken(), """
                {"name": "X", "conditions": [{"attribute": "created_at", "operator": "contains", "value": "2026"}]}""");
        assertThat(badOperator.status()).isEqualTo(400);
        assertThat(badOperator.json().get("field").asString()).isEqualTo("conditions");
        assertThat(badOperator.json().get("detail").asString()).startsWith("Condition 1: ");

        Answer unknownOperator = api.post("/api/v1/segments", tenant.ownerToken(), """
                {"name": "X", "conditions": [{"attribute": "company", "operator": "like", "value": "a"}]}""");
        assertThat(unknownOperator.status()).isEqualTo(400);
        assertThat(unknownOperator.json().get("detail").asString()).contains("'like' is not a condition operator");

        Answer empty = api.post("/api/v1/segments", tenant.ownerToken(), "{\"name\": \"Nothing\"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asString()).isEqualTo("Choose at least one tag, list, contact or condition.");

        assertThat(api.post("/api/v1/segments", tenant.ownerToken(), """
                {"name": "Named", "conditions": [{"attribute": "first_name", "operator": "is_set"}]}""").status()).isEqualTo(201);
        Answer duplicate = api.post("/api/v1/segments", tenant.ownerToken(), """
                {"name": "NAMED", "conditions": [{"attribute": "first_name", "operator": "is_set"}]}""");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("detail").asString()).isEqualTo("A segment named NAMED already exists. Choose another name.");
    }
}
