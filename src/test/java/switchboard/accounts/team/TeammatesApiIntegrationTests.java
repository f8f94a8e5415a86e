package switchboard.accounts.team;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.testsupport.BearerClient;
import switchboard.testsupport.BearerClient.Answer;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API for the current user, the account and the team, called with personal API tokens. */
@SwitchboardTest
class TeammatesApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    BearerClient api() {
        return new BearerClient(port);
    }

    @Test
    void meAnswersTheTokensUserAccountAndRole() {
        var tenant = tenants.create("Harbor Deli");
        Member agent = tenants.addMember(tenant.accountId(), Role.AGENT);

        JsonNode me = api().get("/api/v1/me", tenants.tokenFor(agent)).json();

        assertThat(me.get("userId").asLong()).isEqualTo(agent.userId());
        assertThat(me.get("accountId").asLong()).isEqualTo(tenant.accountId());
        assertThat(me.get("email").asString()).isEqualTo(agent.email());
        assertThat(me.get("name").asString()).isEqualTo(agent.name());
        assertThat(me.get("role").asString()).isEqualTo("agent");
    }

    @Test
    void answersWithoutOrWithABadTokenAre401ProblemDetails() {
        for (String token : new String[] {null, "sb_notarealtoken", "nonsense"}) {
            Answer answer = api().get("/api/v1/me", token);
            assertThat(answer.status()).as("token %s", token).isEqualTo(401);
            assertProblem(answer, 401);
        }
    }

    @Test
    void listsTheTeamOfTheTokensAccountOnly() {
        var harbor = tenants.create("Harbor Deli");
        Member agent = tenants.addMember(harbor.accountId(), Role.AGENT);
        var rival = tenants.create("Rival Deli");

        JsonNode team = api().get("/api/v1/teammates", harbor.ownerToken()).json();

        assertThat(userIds(team)).containsExactlyInAnyOrder(harbor.owner().userId(), agent.userId());
        JsonNode owner = api().get("/api/v1/teammates/" + harbor.owner().userId(), harbor.ownerToken()).json();
        assertThat(owner.get("role").asString()).isEqualTo("owner");
        assertThat(owner.get("active").asBoolean()).isTrue();
        Answer foreign = api().get("/api/v1/teammates/" + rival.owner().userId(), harbor.ownerToken());
        assertThat(foreign.status()).isEqualTo(404);
        assertProblem(foreign, 404);
    }

    @Test
    void anAgentReadsButGets403ProblemsOnAdminEndpoints() {
        var tenant = tenants.create("Harbor Deli");
        String agentToken = tenants.tokenFor(tenants.addMember(tenant.accountId(), Role.AGENT));
        Member admin = tenants.addMember(tenant.accountId(), Role.ADMIN);

        assertThat(api().get("/api/v1/account", agentToken).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/teammates", agentToken).status()).isEqualTo(200);
        List<Answer> refused = List.of(
                api().patch("/api/v1/account", agentToken, "{\"name\":\"Mine now\"}"),
                api().get("/api/v1/teammates/invitations", agentToken),
                api().post("/api/v1/teammates/invitations", agentToken, "{\"email\":\"new@example.com\",\"role\":\"agent\"}"),
                api().patch("/api/v1/teammates/" + admin.userId(), agentToken, "{\"active\":false}"),
                api().delete("/api/v1/teammates/invitations/1", agentToken));
        for (Answer answer : refused) {
            assertThat(answer.status()).isEqualTo(403);
            assertProblem(answer, 403);
        }
        assertThat(api().get("/api/v1/teammates/" + admin.userId(), tenant.ownerToken()).json().get("active").asBoolean()).isTrue();
        assertThat(api().get("/api/v1/account", tenant.ownerToken()).json().get("name").asString()).isEqualTo("Harbor Deli");
    }

    @Test
    void patchesTheAccountAndNamesTheInvalidField() {
        var tenant = tenants.create("Harbor Deli");

        Answer invalid = api().patch("/api/v1/account", tenant.ownerToken(), "{\"timeZone\":\"Mars/Olympus\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertProblem(invalid, 400);
        assertThat(invalid.json().get("field").asString()).isEqualTo("timeZone");
        assertThat(invalid.json().get("detail").asString()).contains("time zone");

        JsonNode saved = api().patch("/api/v1/account", tenant.ownerToken(), "{\"name\":\"Harbor Deli & Bar\",\"defaultCountry\":\"ca\"}").json();
        assertThat(saved.get("id").asLong()).isEqualTo(tenant.accountId());
        assertThat(saved.get("name").asString()).isEqualTo("Harbor Deli & Bar");
        assertThat(saved.get("defaultCountry").asString()).isEqualTo("CA");
        assertThat(saved.get("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(api().get("/api/v1/account", tenant.ownerToken()).json().get("name").asString()).isEqualTo("Harbor Deli & Bar");
    }

    @Test
    void invitesByApiWithALinkThatWorksUntilRevoked() {
        var tenant = tenants.create("Harbor Deli");
        var rival = tenants.create("Rival Deli");

        Answer created = api().post("/api/v1/teammates/invitations", tenant.ownerToken(), "{\"email\":\"Cook@Example.com\",\"role\":\"admin\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode invitation = created.json();
        assertThat(invitation.get("email").asString()).isEqualTo("cook@example.com");
        assertThat(invitation.get("role").asString()).isEqualTo("admin");
        String link = invitation.get("inviteUrl").asString();
        assertThat(link).startsWith("http://localhost:" + port + "/invitations/");
        String linkPath = link.replaceFirst("^https?://[^/]+", "");
        var page = new Browserless(port).get(linkPath);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Harbor Deli").contains("Admin");

        JsonNode pending = api().get("/api/v1/teammates/invitations", tenant.ownerToken()).json();
        assertThat(pending.size()).isEqualTo(1);
        assertThat(pending.get(0).get("inviteUrl").isNull()).isTrue();
        long id = invitation.get("id").asLong();
        assertThat(api().delete("/api/v1/teammates/invitations/" + id, rival.ownerToken()).status()).isEqualTo(404);
        assertThat(api().delete("/api/v1/teammates/invitations/" + id, tenant.ownerToken()).status()).isEqualTo(204);
        assertThat(api().delete("/api/v1/teammates/invitations/" + id, tenant.ownerToken()).status()).isEqualTo(404);
        assertThat(new Browserless(port).get(linkPath).statusCode()).isEqualTo(410);
        assertThat(api().get("/api/v1/teammates/invitations", tenant.ownerToken()).json().size()).isZero();
    }

    @Test
    void refusesToInviteAnActiveMemberOrAnUnknownRole() {
        var tenant = tenants.create("Harbor Deli");
        Member agent = tenants.addMember(tenant.accountId(), Role.AGENT);

        Answer member = api().post("/api/v1/teammates/invitations", tenant.ownerToken(),
                "{\"email\":\"" + agent.email().toUpperCase() + "\",\"role\":\"agent\"}");
        assertThat(member.status()).isEqualTo(400);
        assertThat(member.json().get("field").asString()).isEqualTo("email");
        assertThat(member.json().get("detail").asString()).contains("already a member");

        Answer role = api().post("/api/v1/teammates/invitations", tenant.ownerToken(), "{\"email\":\"x@example.com\",\"role\":\"boss\"}");
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.json().get("field").asString()).isEqualTo("role");

        Answer email = api().post("/api/v1/teammates/invitations", tenant.ownerToken(), "{\"email\":\"not an email\",\"role\":\"agent\"}");
        assertThat(email.status()).isEqualTo(400);
        assertThat(email.json().get("field").asString()).isEqualTo("email");
    }

    @Test
    void onlyOwnersMakeOwnersAndTheLastActiveOwnerStays() {
        var tenant = tenants.create("Harbor Deli");
        Member admin = tenants.addMember(tenant.accountId(), Role.ADMIN);
        Member agent = tenants.addMember(tenant.accountId(), Role.AGENT);
        String adminToken = tenants.tokenFor(admin);
        String owner = "/api/v1/teammates/" + tenant.owner().userId();

        assertThat(api().patch("/api/v1/teammates/" + agent.userId(), adminToken, "{\"role\":\"owner\"}").status()).isEqualTo(403);
        assertThat(api().patch(owner, adminToken, "{\"role\":\"agent\"}").status()).isEqualTo(403);
        assertThat(api().post("/api/v1/teammates/invitations", adminToken, "{\"email\":\"o@example.com\",\"role\":\"owner\"}").status())
                .isEqualTo(403);
        assertThat(api().patch("/api/v1/teammates/" + agent.userId(), adminToken, "{\"role\":\"admin\"}").json().get("role").asString())
                .isEqualTo("admin");

        Answer lastOwner = api().patch(owner, tenant.ownerToken(), "{\"role\":\"admin\"}");
        assertThat(lastOwner.status()).isEqualTo(409);
        assertProblem(lastOwner, 409);
        assertThat(lastOwner.json().get("detail").asString()).contains("only active owner");
        Answer self = api().patch(owner, tenant.ownerToken(), "{\"active\":false}");
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.json().get("detail").asString()).contains("cannot deactivate yourself");

        assertThat(api().patch("/api/v1/teammates/" + admin.userId(), tenant.ownerToken(), "{\"role\":\"owner\"}").json()
                .get("role").asString()).isEqualTo("owner");
        JsonNode demoted = api().patch(owner, tenant.ownerToken(), "{\"role\":\"agent\"}").json();
        assertThat(demoted.get("role").asString()).isEqualTo("agent");
        assertThat(api().patch(owner, tenant.ownerToken(), "{\"role\":\"admin\"}").status())
                .as("the demoted owner's token now has the agent role").isEqualTo(403);
    }

    @Test
    void deactivatesAndReactivatesInOneRequestWithRoleChange() {
        var tenant = tenants.create("Harbor Deli");
        Member agent = tenants.addMember(tenant.accountId(), Role.AGENT);
        String agentToken = tenants.tokenFor(agent);
        String path = "/api/v1/teammates/" + agent.userId();

        JsonNode off = api().patch(path, tenant.ownerToken(), "{\"active\":false}").json();
        assertThat(off.get("active").asBoolean()).isFalse();
        assertThat(api().get("/api/v1/me", agentToken).status()).isEqualTo(401);

        JsonNode on = api().patch(path, tenant.ownerToken(), "{\"active\":true,\"role\":\"admin\"}").json();
        assertThat(on.get("active").asBoolean()).isTrue();
        assertThat(on.get("role").asString()).isEqualTo("admin");
        assertThat(api().get("/api/v1/me", agentToken).json().get("role").asString()).isEqualTo("admin");
    }

    @Test
    void theOpenApiDocumentDescribesTheseEndpointsAndTheBearerScheme() {
        JsonNode doc = api().get("/api/docs", null).json();

        assertThat(doc.get("paths").propertyNames()).contains("/api/v1/me", "/api/v1/account", "/api/v1/teammates",
                "/api/v1/teammates/{userId}", "/api/v1/teammates/invitations", "/api/v1/teammates/invitations/{invitationId}",
                "/api/v1/tokens", "/api/v1/tokens/{tokenId}");
        JsonNode bearer = doc.get("components").get("securitySchemes").get("bearer");
        assertThat(bearer.get("type").asString()).isEqualTo("http");
        assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
        assertThat(doc.get("security").get(0).has("bearer")).isTrue();
        JsonNode list = doc.get("paths").get("/api/v1/teammates").get("get");
        assertThat(list.get("summary").asString()).isNotBlank();
        assertThat(list.get("responses").get("200").get("content").has("application/json")).isTrue();
        assertThat(list.get("responses").get("default").get("content").has("application/problem+json")).isTrue();
    }

    static void assertProblem(Answer answer, int status) {
        assertThat(answer.isProblem()).as("content type %s of %s", answer.contentType(), answer.body()).isTrue();
        JsonNode problem = answer.json();
        assertThat(problem.propertyNames()).as(answer.body()).contains("type", "title", "status", "detail");
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).isNotBlank();
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private static List<Long> userIds(JsonNode teammates) {
        return StreamSupport.stream(teammates.spliterator(), false).map(t -> t.get("userId").asLong()).toList();
    }
}
