package switchboard.inbox.inbox;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.inbox.InboxChanged;
import switchboard.inbox.InboxChanged.Change;
import switchboard.platform.web.NotFoundException;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings -> Inboxes as plain forms (no script), and the service's rules behind it. */
@SwitchboardTest
@RecordApplicationEvents
class InboxesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    InboxService inboxes;

    @Test
    void ownerAddsRenamesChoosesMembersAndDeletesAnInboxWithPlainForms() {
        Tenant tenant = tenants.create("Plain Forms Bakery");
        Member agent = tenants.addMember(tenant.accountId(), Role.AGENT);
        Browserless browser = signedIn(tenant.owner());

        assertThat(browser.get("/settings/inboxes").body()).contains("No inboxes yet");
        var added = browser.submit("/settings/inboxes", "/settings/inboxes", Map.of("name", "Orders"));
        assertThat(Browserless.redirectPath(added)).isEqualTo("/settings/inboxes");
        String list = browser.get("/settings/inboxes").body();
        assertThat(list).contains("Added the inbox Orders. Choose its members next.").contains("Orders").contains("0 members");
        long id = inboxes.list(tenant.owner()).getFirst().id();

        String edit = browser.get("/settings/inboxes/" + id).body();
        assertThat(edit).contains("value=\"Orders\"").contains(agent.email()).contains(tenant.owner().email());
        var saved = browser.submit("/settings/inboxes/" + id, "/settings/inboxes/" + id,
                Map.of("name", "Wholesale orders", "memberIds", String.valueOf(agent.userId())));
        assertThat(Browserless.redirectPath(saved)).isEqualTo("/settings/inboxes");
        assertThat(browser.get("/settings/inboxes").body()).contains("Saved the inbox Wholesale orders with 1 member.")
                .contains("1 member");
        assertThat(inboxes.get(tenant.owner(), id).memberIds()).containsExactly(agent.userId());
        assertThat(browser.get("/settings/inboxes/" + id).body()).containsPattern("value=\"" + agent.userId() + "\"\\s+checked");

        var confirm = browser.get("/settings/inboxes/" + id + "/delete");
        assertThat(confirm.body()).contains("Delete the inbox Wholesale orders?");
        var deleted = browser.submit("/settings/inboxes/" + id + "/delete", "/settings/inboxes/" + id + "/delete", Map.of());
        assertThat(Browserless.redirectPath(deleted)).isEqualTo("/settings/inboxes");
        assertThat(browser.get("/settings/inboxes").body()).contains("Deleted the inbox Wholesale orders.").contains("No inboxes yet");
        assertThat(inboxes.list(tenant.owner())).isEmpty();
    }

    @Test
    void aDuplicateOrEmptyNameIsShownBesideTheField() {
        Tenant tenant = tenants.create("Duplicates");
        Browserless browser = signedIn(tenant.owner());
        browser.submit("/settings/inboxes", "/settings/inboxes", Map.of("name", "Sales"));

        var duplicate = browser.submit("/settings/inboxes", "/settings/inboxes", Map.of("name", "sales"));
        assertThat(duplicate.statusCode()).isEqualTo(200);
        assertThat(duplicate.body()).contains("An inbox named sales already exists in this account. Choose another name.")
                .contains("aria-invalid=\"true\"").contains("aria-describedby=\"new-inbox-name-error\"").contains("value=\"sales\"");

        var empty = browser.submit("/settings/inboxes", "/settings/inboxes", Map.of("name", " "));
        assertThat(empty.body()).contains("Name the inbox in 1 to 100 characters");
        assertThat(inboxes.list(tenant.owner())).extracting(Inbox::name).containsExactly("Sales");

        long support = inboxes.create(tenant.owner(), new InboxName("Support")).id();
        var renamed = browser.submit("/settings/inboxes/" + support, "/settings/inboxes/" + support, Map.of("name", "SALES"));
        assertThat(renamed.body()).contains("An inbox named SALES already exists").contains("aria-describedby=\"inbox-name-error\"");
        assertThat(inboxes.get(tenant.owner(), support).name()).isEqualTo("Support");
    }

    @Test
    void onlyActiveTeammatesOfTheSameAccountCanBeChosenAsMembers() {
        Tenant tenant = tenants.create("Members only");
        Member outsider = tenants.create("Other business").owner();
        long id = inboxes.create(tenant.owner(), new InboxName("Support")).id();
        Browserless browser = signedIn(tenant.owner());

        assertThat(browser.get("/settings/inboxes/" + id).body()).doesNotContain(outsider.email());
        var refused = browser.submit("/settings/inboxes/" + id, "/settings/inboxes/" + id,
                Map.of("name", "Support renamed", "memberIds", String.valueOf(outsider.userId())));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("User " + outsider.userId() + " is not an active teammate in this account.");
        Inbox unchanged = inboxes.get(tenant.owner(), id);
        assertThat(unchanged.name()).as("the rename is undone with the refused members").isEqualTo("Support");
        assertThat(unchanged.memberIds()).isEmpty();
    }

    @Test
    void agentsCannotOpenInboxSettings() {
        Tenant tenant = tenants.create("Agents");
        long id = inboxes.create(tenant.owner(), new InboxName("Support")).id();
        Browserless agent = signedIn(tenants.addMember(tenant.accountId(), Role.AGENT));

        assertThat(agent.get("/settings/inboxes").statusCode()).isEqualTo(403);
        assertThat(agent.get("/settings/inboxes/" + id).statusCode()).isEqualTo(403);
        assertThat(agent.submit("/chats", "/settings/inboxes", Map.of("name", "Mine")).statusCode()).isEqualTo(403);
        assertThat(agent.submit("/chats", "/settings/inboxes/" + id + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(inboxes.list(tenant.owner())).extracting(Inbox::name).containsExactly("Support");
    }

    @Test
    void anotherAccountsInboxIsNotFoundOnEveryPage() {
        Tenant mine = tenants.create("Mine");
        Tenant theirs = tenants.create("Theirs");
        long theirInbox = inboxes.create(theirs.owner(), new InboxName("Their secret inbox")).id();
        Browserless browser = signedIn(mine.owner());

        assertThat(browser.get("/settings/inboxes").body()).doesNotContain("Their secret inbox");
        var page = browser.get("/settings/inboxes/" + theirInbox);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Their secret inbox");
        assertThat(browser.get("/settings/inboxes/" + theirInbox + "/delete").statusCode()).isEqualTo(404);
        assertThat(browser.submit("/settings/inboxes", "/settings/inboxes/" + theirInbox, Map.of("name", "Hijacked")).statusCode()).isEqualTo(404);
        assertThat(browser.submit("/settings/inboxes", "/settings/inboxes/" + theirInbox + "/delete", Map.of()).statusCode()).isEqualTo(404);
        assertThat(inboxes.get(theirs.owner(), theirInbox).name()).isEqualTo("Their secret inbox");
        assertThatThrownBy(() -> inboxes.get(mine.owner(), theirInbox)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyChangeIsAnnouncedAsAnEvent(ApplicationEvents events) {
        Tenant tenant = tenants.create("Announcements");
        Member owner = tenant.owner();
        long id = inboxes.create(owner, new InboxName("Support")).id();
        inboxes.rename(owner, id, new InboxName("Help"));
        inboxes.rename(owner, id, new InboxName("Help"));
        inboxes.setMembers(owner, id, List.of(owner.userId()));
        inboxes.delete(owner, id);

        assertThat(events.stream(InboxChanged.class)).containsExactly(
                new InboxChanged(tenant.accountId(), id, Change.CREATED),
                new InboxChanged(tenant.accountId(), id, Change.RENAMED),
                new InboxChanged(tenant.accountId(), id, Change.MEMBERS_CHANGED),
                new InboxChanged(tenant.accountId(), id, Change.DELETED));
    }

    private Browserless signedIn(Member member) {
        Browserless browser = new Browserless(port);
        assertThat(Browserless.redirectPath(browser.signIn(member.email(), TestTenants.PASSWORD))).isEqualTo("/chats");
        return browser;
    }
}
