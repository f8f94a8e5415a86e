package switchboard.inbox.inbox;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.accounts.team.MemberRepository;
import switchboard.testsupport.BearerClient;
import switchboard.testsupport.BearerClient.Answer;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@SwitchboardTest
class InboxesApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    MemberRepository members;

    @Test
    void ownerCreatesReadsRenamesAndDeletesAnInbox() {
        String token = tenants.create("Harbor Dental").ownerToken();
        BearerClient api = new BearerClient(port);

        Answer created = api.post("/api/v1/inboxes", token, """
                {"name": "  Front desk  "}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("name").asString()).isEqualTo("Front desk");
        assertThat(created.json().get("memberCount").asInt()).isZero();
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/inboxes/" + id));

        Answer fetched = api.get("/api/v1/inboxes/" + id, token);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.contentType()).startsWith("application/json");
        assertThat(fetched.json().get("name").asString()).isEqualTo("Front desk");
        assertThat(fetched.json().get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        Answer renamed = api.patch("/api/v1/inboxes/" + id, token, """
                {"name": "Reception"}""");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("Reception");
        assertThat(api.get("/api/v1/inboxes", token).json().findValuesAsString("name")).containsExactly("Reception");

        Answer deleted = api.delete("/api/v1/inboxes/" + id, token);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(api.get("/api/v1/inboxes", token).json().size()).isZero();
        assertThat(api.delete("/api/v1/inboxes/" + id, token).status()).isEqualTo(404);
    }

    @Test
    void listsInboxesByNameIgnoringCase() {
        String token = tenants.create("Sorting").ownerToken();
        BearerClient api = new BearerClient(port);
        for (String name : new String[] {"sales", "Billing", "Support"}) {
            assertThat(api.post("/api/v1/inboxes", token, "{\"name\": \"" + name + "\"}").status()).isEqualTo(201);
        }
        assertThat(api.get("/api/v1/inboxes", token).json().findValuesAsString("name")).containsExactly("Billing", "sales", "Support");
    }

    @Test
    void namesAreUniquePerAccountIgnoringCase() {
        String first = tenants.create("First").ownerToken();
        String second = tenants.create("Second").ownerToken();
        BearerClient api = new BearerClient(port);
        assertThat(api.post("/api/v1/inboxes", first, "{\"name\": \"Support\"}").status()).isEqualTo(201);
        long sales = api.post("/api/v1/inboxes", first, "{\"name\": \"Sales\"}").json().get("id").asLong();

        Answer duplicate = api.post("/api/v1/inboxes", first, "{\"name\": \"SUPPORT\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.isProblem()).isTrue();
        assertThat(duplicate.json().get("detail").asString()).isEqualTo("An inbox named SUPPORT already exists in this account. Choose another name.");

        Answer renamedOntoAnother = api.patch("/api/v1/inboxes/" + sales, first, "{\"name\": \"support\"}");
        assertThat(renamedOntoAnother.status()).as(renamedOntoAnother.toString()).isEqualTo(409);
        assertThat(api.patch("/api/v1/inboxes/" + sales, first, "{\"name\": \"SALES\"}").json().get("name").asString())
                .as("changing only the case of its own name is no clash").isEqualTo("SALES");

        assertThat(api.post("/api/v1/inboxes", second, "{\"name\": \"Support\"}").status())
                .as("another account may use the same name").isEqualTo(201);
    }

    @Test
    void invalidRequestsAreProblemsNamingTheField() {
        String token = tenants.create("Validation").ownerToken();
        BearerClient api = new BearerClient(port);

        Answer blank = api.post("/api/v1/inboxes", token, "{\"name\": \"   \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.isProblem()).isTrue();
        JsonNode problem = blank.json();
        assertThat(problem.get("field").asString()).isEqualTo("name");
        assertThat(problem.get("detail").asString()).contains("1 to 100 characters");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asString()).isEqualTo("Invalid field");
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");

        assertThat(api.post("/api/v1/inboxes", token, "{\"name\": \"" + "x".repeat(101) + "\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/inboxes", token, "{}").json().get("field").asString()).isEqualTo("name");

        Answer malformed = api.post("/api/v1/inboxes", token, "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
    }

    @Test
    void unknownInboxIsANotFoundProblem() {
        String token = tenants.create("Lost").ownerToken();
        BearerClient api = new BearerClient(port);
        Answer missing = api.get("/api/v1/inboxes/987654321", token);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.isProblem()).isTrue();
        assertThat(missing.json().get("title").asString()).isEqualTo("Not found");
        assertThat(missing.json().get("detail").asString()).isEqualTo("Inbox 987654321 not found");
        assertThat(missing.json().get("instance").asString()).isEqualTo("/api/v1/inboxes/987654321");
        assertThat(api.get("/api/v1/inboxes/not-a-number", token).status()).isEqualTo(400);
    }

    @Test
    void membersAreExactlyTheChosenActiveTeammatesOfTheSameAccount() {
        Tenant tenant = tenants.create("Members");
        Member ann = tenants.addMember(tenant.accountId(), Role.AGENT);
        Member bob = tenants.addMember(tenant.accountId(), Role.ADMIN);
        Member outsider = tenants.create("Elsewhere").owner();
        String token = tenant.ownerToken();
        BearerClient api = new BearerClient(port);
        long inbox = api.post("/api/v1/inboxes", token, "{\"name\": \"Support\"}").json().get("id").asLong();
        String membersPath = "/api/v1/inboxes/" + inbox + "/members";

        Answer set = api.put(membersPath, token, "{\"userIds\": [%d, %d, %d]}".formatted(bob.userId(), ann.userId(), ann.userId()));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("members").findValuesAsString("email")).containsExactlyInAnyOrder(ann.email(), bob.email());
        assertThat(set.json().get("members").findValuesAsString("role")).containsExactlyInAnyOrder("agent", "admin");
        assertThat(api.get(membersPath, token).json().get("members").findValues("userId")).extracting(JsonNode::asLong)
                .containsExactlyInAnyOrder(ann.userId(), bob.userId());
        assertThat(api.get("/api/v1/inboxes/" + inbox, token).json().get("memberCount").asInt()).isEqualTo(2);

        Answer foreign = api.put(membersPath, token, "{\"userIds\": [%d, %d]}".formatted(ann.userId(), outsider.userId()));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("field").asString()).isEqualTo("userIds");
        assertThat(foreign.json().get("detail").asString()).isEqualTo("User " + outsider.userId() + " is not an active teammate in this account.");
        assertThat(api.get(membersPath, token).json().get("members").size()).as("a refused list changes nothing").isEqualTo(2);

        members.setActive(tenant.accountId(), bob.userId(), false);
        assertThat(api.get(membersPath, token).json().get("members").findValuesAsString("email")).containsExactly(ann.email());
        assertThat(api.get("/api/v1/inboxes/" + inbox, token).json().get("memberCount").asInt()).isEqualTo(1);
        assertThat(api.put(membersPath, token, "{\"userIds\": [%d]}".formatted(bob.userId())).status())
                .as("a teammate whose access is off cannot be chosen").isEqualTo(400);

        assertThat(api.put(membersPath, token, "{\"userIds\": []}").json().get("members").size()).isZero();
        assertThat(api.put(membersPath, token, "{}").json().get("field").asString()).isEqualTo("userIds");
    }

    @Test
    void agentsReadInboxesButOnlyOwnersAndAdminsChangeThem() {
        Tenant tenant = tenants.create("Roles");
        String owner = tenant.ownerToken();
        String agent = tenants.tokenFor(tenants.addMember(tenant.accountId(), Role.AGENT));
        String admin = tenants.tokenFor(tenants.addMember(tenant.accountId(), Role.ADMIN));
        BearerClient api = new BearerClient(port);
        long inbox = api.post("/api/v1/inboxes", owner, "{\"name\": \"Support\"}").json().get("id").asLong();

        assertThat(api.get("/api/v1/inboxes", agent).json().findValuesAsString("name")).containsExactly("Support");
        assertThat(api.get("/api/v1/inboxes/" + inbox, agent).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/inboxes/" + inbox + "/members", agent).status()).isEqualTo(200);

        Answer refused = api.post("/api/v1/inboxes", agent, "{\"name\": \"Mine\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString()).isEqualTo("Your role in this account does not allow this.");
        assertThat(api.patch("/api/v1/inboxes/" + inbox, agent, "{\"name\": \"Mine\"}").status()).isEqualTo(403);
        assertThat(api.put("/api/v1/inboxes/" + inbox + "/members", agent, "{\"userIds\": []}").status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/inboxes/" + inbox, agent).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/inboxes/" + inbox, owner).json().get("name").asString()).isEqualTo("Support");

        assertThat(api.patch("/api/v1/inboxes/" + inbox, admin, "{\"name\": \"Help\"}").status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/inboxes/" + inbox, admin).status()).isEqualTo(204);
    }
}
