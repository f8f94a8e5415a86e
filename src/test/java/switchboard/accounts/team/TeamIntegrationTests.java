package switchboard.accounts.team;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.testsupport.BearerClient;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings -> Team in the browser (without JavaScript): invites, roles, access, and belonging to several accounts. */
@SwitchboardTest
class TeamIntegrationTests {

    private static final Pattern INVITE_LINK = Pattern.compile("id=\"invite-link\"[^>]*value=\"https?://[^/]+(/invitations/[^\"]+)\"");
    private static final String NEW_PASSWORD = "sourdough starter";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    MemberRepository members;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOwnerInvitesAnAgentWhoChoosesAPasswordAndJoins() {
        var tenant = tenants.create("Corner Bakery");
        Browserless owner = signedIn(tenant.owner());
        String email = unique("cashier");

        var invited = owner.submit("/settings/team", "/settings/team/invitations", Map.of("email", email, "role", "agent"));

        assertThat(invited.statusCode()).isEqualTo(200);
        assertThat(invited.body()).contains("it is shown only now");
        String link = inviteLink(invited);
        assertThat(owner.get("/settings/team").body()).as("the link is shown once").doesNotContain(link).contains(email);
        assertThat(jdbc.sql("select count(*) from invitations where token_hash = sha256(convert_to(:token, 'UTF8'))")
                .param("token", link.substring("/invitations/".length())).query(Integer.class).single()).isEqualTo(1);

        Browserless invitee = new Browserless(port);
        var offer = invitee.get(link);
        assertThat(offer.statusCode()).isEqualTo(200);
        assertThat(offer.body()).contains("Join Corner Bakery").contains(email).contains("Agent").contains("Choose a password");
        var tooShort = invitee.submit(link, link, Map.of("name", "Cass Cashier", "password", "short"));
        assertThat(tooShort.body()).contains("at least 10 characters");
        var joined = invitee.submit(link, link, Map.of("name", "Cass Cashier", "password", NEW_PASSWORD));
        assertThat(Browserless.redirectPath(joined)).isEqualTo("/sign-in");
        assertThat(invitee.get("/sign-in").body()).contains("You joined Corner Bakery as Agent.");

        assertThat(Browserless.redirectPath(invitee.signIn(email, NEW_PASSWORD))).isEqualTo("/chats");
        var chats = invitee.get("/chats");
        assertThat(chats.body()).contains("<span class=\"account-name\">Corner Bakery</span>").contains("Cass Cashier");
        assertThat(owner.get("/settings/team").body()).contains("Cass Cashier").doesNotContain("Revoke invite for " + email);
        var reused = new Browserless(port).get(link);
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.body()).contains("already been used");
    }

    @Test
    void someoneWithAUserConfirmsWithTheirPasswordThenSwitchesBetweenAccounts() {
        var bakery = tenants.create("Corner Bakery");
        var florist = tenants.create("Fern Florist");
        Member fern = florist.owner();
        String link = inviteLink(signedIn(bakery.owner())
                .submit("/settings/team", "/settings/team/invitations", Map.of("email", fern.email(), "role", "admin")));

        Browserless browser = new Browserless(port);
        var offer = browser.get(link);
        assertThat(offer.body()).contains("You already have a Switchboard user").contains("Your password").doesNotContain("Your name");
        var wrong = browser.submit(link, link, Map.of("password", "not my password"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("That is not the password of " + fern.email());
        assertThat(jdbc.sql("select count(*) from sign_in_failures where email = :email").param("email", fern.email())
                .query(Integer.class).single()).as("a wrong password here counts towards sign-in throttling").isEqualTo(1);
        assertThat(Browserless.redirectPath(browser.submit(link, link, Map.of("password", TestTenants.PASSWORD)))).isEqualTo("/sign-in");
        jdbc.sql("delete from sign_in_failures where email = :email").param("email", fern.email()).update();

        browser.signIn(fern.email(), TestTenants.PASSWORD);
        assertThat(browser.get("/chats").body()).as("lands in the account just joined")
                .contains("<span class=\"account-name\">Corner Bakery</span>").contains("Admin");
        var switched = browser.submit("/chats", "/accounts/switch", Map.of("accountId", String.valueOf(florist.accountId())));
        assertThat(Browserless.redirectPath(switched)).isEqualTo("/chats");
        assertThat(browser.get("/chats").body()).contains("<span class=\"account-name\">Fern Florist</span>").contains("Owner");
        assertThat(members.activeMember(bakery.accountId(), fern.userId()).orElseThrow().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void nobodySwitchesIntoAnAccountTheyDoNotBelongTo() {
        var bakery = tenants.create("Corner Bakery");
        var rival = tenants.create("Rival Bakery");
        Browserless browser = signedIn(bakery.owner());

        var refused = browser.submit("/chats", "/accounts/switch", Map.of("accountId", String.valueOf(rival.accountId())));

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(browser.get("/chats").body()).contains("<span class=\"account-name\">Corner Bakery</span>");
    }

    @Test
    void aSignedInUserCreatesAnotherBusinessAndBecomesItsOwner() {
        var bakery = tenants.create("Corner Bakery");
        Member agent = tenants.addMember(bakery.accountId(), Role.AGENT);
        Browserless browser = signedIn(agent);

        var created = browser.submit("/accounts/new", "/accounts/new",
                Map.of("name", "Side Hustle Cakes", "timeZone", "Europe/Paris", "defaultCountry", "FR"));

        assertThat(Browserless.redirectPath(created)).isEqualTo("/chats");
        String chats = browser.get("/chats").body();
        assertThat(chats).contains("<span class=\"account-name\">Side Hustle Cakes</span>").contains("Created Side Hustle Cakes");
        long accountId = jdbc.sql("select id from accounts where name = 'Side Hustle Cakes'").query(Long.class).single();
        assertThat(members.activeMember(accountId, agent.userId()).orElseThrow().role()).isEqualTo(Role.OWNER);
        assertThat(browser.get("/settings/team").statusCode()).isEqualTo(200);
        assertThat(members.activeMember(bakery.accountId(), agent.userId()).orElseThrow().role()).isEqualTo(Role.AGENT);
    }

    @Test
    void onlyOwnersMakeOwnersAndTheLastActiveOwnerCannotBeDemotedOrDeactivated() {
        var tenant = tenants.create("Corner Bakery");
        Member admin = tenants.addMember(tenant.accountId(), Role.ADMIN);
        Member agent = tenants.addMember(tenant.accountId(), Role.AGENT);
        Browserless adminBrowser = signedIn(admin);
        Browserless ownerBrowser = signedIn(tenant.owner());

        assertThat(adminBrowser.get("/settings/team").body()).doesNotContain("<option value=\"owner\"");
        change(adminBrowser, "/settings/team/" + agent.userId() + "/role", Map.of("role", "owner"));
        assertThat(adminBrowser.get("/settings/team").body()).contains("Only an owner can make someone an owner");
        change(adminBrowser, "/settings/team/" + tenant.owner().userId() + "/deactivate", Map.of());
        assertThat(adminBrowser.get("/settings/team").body()).contains("Only an owner can deactivate or reactivate an owner");
        change(adminBrowser, "/settings/team/" + agent.userId() + "/role", Map.of("role", "admin"));
        assertThat(adminBrowser.get("/settings/team").body()).contains(agent.name() + " is now Admin.");

        change(ownerBrowser, "/settings/team/" + tenant.owner().userId() + "/role", Map.of("role", "admin"));
        assertThat(ownerBrowser.get("/settings/team").body()).contains("is the only active owner. Make someone else an owner first.");
        change(ownerBrowser, "/settings/team/" + tenant.owner().userId() + "/deactivate", Map.of());
        assertThat(ownerBrowser.get("/settings/team").body()).contains("You cannot deactivate yourself.");
        assertThat(members.activeMember(tenant.accountId(), tenant.owner().userId()).orElseThrow().role()).isEqualTo(Role.OWNER);

        change(ownerBrowser, "/settings/team/" + admin.userId() + "/role", Map.of("role", "owner"));
        change(ownerBrowser, "/settings/team/" + tenant.owner().userId() + "/role", Map.of("role", "agent"));
        assertThat(members.activeMember(tenant.accountId(), tenant.owner().userId()).orElseThrow().role()).isEqualTo(Role.AGENT);
        assertThat(ownerBrowser.get("/settings/team").statusCode()).as("now an agent").isEqualTo(403);
    }

    @Test
    void aDeactivatedMemberIsSignedOutOnTheirNextRequest() {
        var tenant = tenants.create("Corner Bakery");
        Member agent = tenants.addMember(tenant.accountId(), Role.AGENT);
        Browserless agentBrowser = signedIn(agent);
        assertThat(agentBrowser.get("/chats").statusCode()).isEqualTo(200);
        String session = sessionId(agentBrowser);
        assertThat(sessionRows(session)).isEqualTo(1);

        change(signedIn(tenant.owner()), "/settings/team/" + agent.userId() + "/deactivate", Map.of());

        assertThat(Browserless.redirectPath(agentBrowser.get("/chats"))).isEqualTo("/sign-in");
        assertThat(sessionRows(session)).as("the session is gone from the database").isZero();
        agentBrowser.signIn(agent.email(), TestTenants.PASSWORD);
        assertThat(agentBrowser.get("/sign-in?error").body()).contains("Your access to every account has been turned off");
        jdbc.sql("delete from sign_in_failures where email = :email").param("email", agent.email()).update();
    }

    @Test
    void aDeactivatedMemberOfAnotherAccountMovesThere() {
        var bakery = tenants.create("Corner Bakery");
        var florist = tenants.create("Fern Florist");
        Member agent = tenants.addMember(bakery.accountId(), Role.AGENT);
        members.addMembership(florist.accountId(), agent.userId(), Role.ADMIN);
        Browserless agentBrowser = signedIn(agent);
        agentBrowser.submit("/chats", "/accounts/switch", Map.of("accountId", String.valueOf(bakery.accountId())));
        assertThat(agentBrowser.get("/chats").body()).contains("<span class=\"account-name\">Corner Bakery</span>");

        change(signedIn(bakery.owner()), "/settings/team/" + agent.userId() + "/deactivate", Map.of());

        String chats = agentBrowser.get("/chats").body();
        assertThat(chats).contains("<span class=\"account-name\">Fern Florist</span>").doesNotContain(">Corner Bakery<");
        change(signedIn(bakery.owner()), "/settings/team/" + agent.userId() + "/reactivate", Map.of());
        assertThat(members.activeMember(bakery.accountId(), agent.userId())).isPresent();
    }

    @Test
    void agentsCannotReachTeamOrAccountSettings() {
        var tenant = tenants.create("Corner Bakery");
        Member agent = tenants.addMember(tenant.accountId(), Role.AGENT);
        Browserless browser = signedIn(agent);

        assertThat(browser.get("/settings/team").statusCode()).isEqualTo(403);
        assertThat(browser.get("/settings/account").statusCode()).isEqualTo(403);
        assertThat(browser.submit("/settings/tokens", "/settings/team/invitations", Map.of("email", "x@example.com", "role", "agent"))
                .statusCode()).isEqualTo(403);
        assertThat(browser.submit("/settings/tokens", "/settings/team/" + agent.userId() + "/role", Map.of("role", "owner"))
                .statusCode()).isEqualTo(403);
        assertThat(Browserless.redirectPath(browser.get("/settings"))).isEqualTo("/settings/tokens");
        String tokens = browser.get("/settings/tokens").body();
        assertThat(tokens).contains("API tokens").doesNotContain("href=\"/settings/team\"").doesNotContain("href=\"/settings/account\"");
        assertThat(members.activeMember(tenant.accountId(), agent.userId()).orElseThrow().role()).isEqualTo(Role.AGENT);
    }

    @Test
    void expiredRevokedAndUnknownLinksSayWhy() {
        var tenant = tenants.create("Corner Bakery");
        Browserless owner = signedIn(tenant.owner());
        String expiring = inviteLink(owner.submit("/settings/team", "/settings/team/invitations", Map.of("email", unique("late"), "role", "agent")));
        String revoking = inviteLink(owner.submit("/settings/team", "/settings/team/invitations", Map.of("email", unique("gone"), "role", "agent")));
        jdbc.sql("update invitations set expires_at = now() - interval '1 minute' where token_hash = sha256(convert_to(:token, 'UTF8'))")
                .param("token", expiring.substring("/invitations/".length())).update();
        long revokedId = jdbc.sql("select id from invitations where token_hash = sha256(convert_to(:token, 'UTF8'))")
                .param("token", revoking.substring("/invitations/".length())).query(Long.class).single();
        assertThat(Browserless.redirectPath(owner.submit("/settings/team", "/settings/team/invitations/" + revokedId + "/revoke", Map.of())))
                .isEqualTo("/settings/team");

        var expired = new Browserless(port).get(expiring);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This invite has expired. Ask an admin of Corner Bakery for a new one.");
        Browserless late = new Browserless(port);
        var lateAccept = late.submit("/sign-in", expiring, Map.of("name", "Late Larry", "password", NEW_PASSWORD));
        assertThat(lateAccept.statusCode()).isEqualTo(410);
        assertThat(jdbc.sql("select count(*) from users where name = 'Late Larry'").query(Integer.class).single()).isZero();
        var revoked = new Browserless(port).get(revoking);
        assertThat(revoked.statusCode()).isEqualTo(410);
        assertThat(revoked.body()).contains("This invite was withdrawn.");
        var unknown = new Browserless(port).get("/invitations/not-a-real-token");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This invite link is not valid.");
    }

    @Test
    void invitingAnActiveMemberIsRefusedAndANewInviteReplacesTheOlderLink() {
        var tenant = tenants.create("Corner Bakery");
        Member agent = tenants.addMember(tenant.accountId(), Role.AGENT);
        Browserless owner = signedIn(tenant.owner());

        var member = owner.submit("/settings/team", "/settings/team/invitations", Map.of("email", agent.email(), "role", "admin"));
        assertThat(member.body()).contains(agent.email() + " is already a member of this account.").doesNotContain("id=\"invite-link\"");

        String email = unique("baker");
        String first = inviteLink(owner.submit("/settings/team", "/settings/team/invitations", Map.of("email", email, "role", "agent")));
        String second = inviteLink(owner.submit("/settings/team", "/settings/team/invitations", Map.of("email", email, "role", "admin")));
        assertThat(new Browserless(port).get(first).statusCode()).isEqualTo(410);
        assertThat(new Browserless(port).get(second).body()).contains("Admin");
        var pending = new BearerClient(port).get("/api/v1/teammates/invitations", tenant.ownerToken()).json();
        assertThat(pending.findValuesAsString("email")).containsExactly(email);
    }

    private Browserless signedIn(Member member) {
        Browserless browser = new Browserless(port);
        assertThat(Browserless.redirectPath(browser.signIn(member.email(), TestTenants.PASSWORD))).isEqualTo("/chats");
        return browser;
    }

    private static void change(Browserless browser, String action, Map<String, String> fields) {
        assertThat(Browserless.redirectPath(browser.submit("/settings/tokens", action, fields))).isEqualTo("/settings/team");
    }

    private static String inviteLink(HttpResponse<String> teamPage) {
        Matcher link = INVITE_LINK.matcher(teamPage.body());
        assertThat(link.find()).as("invite link on the page").isTrue();
        return link.group(1);
    }

    private static String sessionId(Browserless browser) {
        return new String(Base64.getDecoder().decode(browser.cookie("SWITCHBOARD_SESSION")));
    }

    private int sessionRows(String sessionId) {
        return jdbc.sql("select count(*) from spring_session where session_id = :id").param("id", sessionId).query(Integer.class).single();
    }

    private static String unique(String name) {
        return name + "-" + System.nanoTime() + "@example.com";
    }
}
