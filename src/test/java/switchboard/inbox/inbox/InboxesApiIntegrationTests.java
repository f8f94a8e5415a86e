package switchboard.inbox.inbox;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.accounts.team.MemberRepository;
import switchboard.testsupport.ApiClient;
import switchboard.testsupport.ApiClient.Response;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

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
        Tenant tenant = tenants.create("Harbor Dental");
        ApiClient api = new ApiClient(port, tenant.ownerToken());

        Response created = api.post("/api/v1/inboxes", """
                {"name": "  Front desk  "}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("name").asString()).isEqualTo("Front desk");
        assertThat(created.json().get("memberCount").asInt()).isZero();
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/inboxes/" + id));

        Response fetched = api.get("/api/v1/inboxes/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("name").asString()).isEqualTo("Front desk");
        assertThat(fetched.json().get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        Response renamed = api.patch("/api/v1/inboxes/" + id, """
                {"name": "Reception"}""");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("Reception");
        assertThat(api.get("/api/v1/inboxes").json().findValuesAsString("name")).containsExactly("Reception");

        Response deleted = api.delete("/api/v1/inboxes/" + id);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(api.get("/api/v1/inboxes").json().size()).isZero();
        assertThat(api.delete("/api/v1/inboxes/" + id).status()).isEqualTo(404);
    }

    @Test
    void listsInboxesByNameIgnoringCase() {
        ApiClient api = new ApiClient(port, tenants.create("Sorting").ownerToken());
        for (String name : new String[] {"sales", "Billing", "Support"}) {
            assertThat(api.post("/api/v1/inboxes", "{\"name\": \"" + name + "\"}").status()).isEqualTo(201);
        }
        assertThat(api.get("/api/v1/inboxes").json().findValuesAsString("name")).containsExactly("Billing", "sales", "Support");
    }

    @Test
    void namesAreUniquePerAccountIgnoringCase() {
        ApiClient first = new ApiClient(port, tenants.create("First").ownerToken());
        ApiClient second = new ApiClient(port, tenants.create("Second").ownerToken());
        assertThat(first.post("/api/v1/inboxes", "{\"name\": \"Support\"}").status()).isEqualTo(201);
        long sales = first.post("/api/v1/inboxes", "{\"name\": \"Sales\"}").json().get("id").asLong();

        Response duplicate = first.post("/api/v1/inboxes", "{\"name\": \"SUPPORT\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(duplicate.json().get("detail").asString()).isEqualTo("An inbox named SUPPORT already exists in this account. Choose another name.");

        Response renamedOntoAnother = first.patch("/api/v1/inboxes/" + sales, "{\"name\": \"support\"}");
        assertThat(renamedOntoAnother.status()).as(renamedOntoAnother.toString()).isEqualTo(409);
        assertThat(first.patch("/api/v1/inboxes/" + sales, "{\"name\": \"SALES\"}").json().get("name").asString())
                .as("changing only the case of its own name is no clash").isEqualTo("SALES");

        assertThat(second.post("/api/v1/inboxes", "{\"name\": \"Support\"}").status())
                .as("another account may use the same name").isEqualTo(201);
    }

    @Test
    void invalidRequestsAreProblemsNamingTheField() {
        ApiClient api = new ApiClient(port, tenants.create("Validation").ownerToken());

        Response blank = api.post("/api/v1/inboxes", "{\"name\": \"   \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");
        assertThat(blank.json().get("field").asString()).isEqualTo("name");
        assertThat(blank.json().get("detail").asString()).contains("1 to 100 characters");
        assertThat(blank.json().get("status").asInt()).isEqualTo(400);
        assertThat(blank.json().get("title").asString()).isEqualTo("Invalid field");

        assertThat(api.post("/api/v1/inboxes", "{\"name\": \"" + "x".repeat(101) + "\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/inboxes", "{}").json().get("field").asString()).isEqualTo("name");

        Response malformed = api.post("/api/v1/inboxes", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unknownInboxIsANotFoundProblem() {
        ApiClient api = new ApiClient(port, tenants.create("Lost").ownerToken());
        Response missing = api.get("/api/v1/inboxes/987654321");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("title").asString()).isEqualTo("Not found");
        assertThat(missing.json().get("detail").asString()).isEqualTo("Inbox 987654321 not found");
        assertThat(missing.json().get("instance").asString()).isEqualTo("/api/v1/inboxes/987654321");
        assertThat(api.get("/api/v1/inboxes/not-a-number").status()).isEqualTo(400);
    }

    @Test
    void membersAreExactlyTheChosenActiveTeammatesOfTheSameAccount() {
        Tenant tenant = tenants.create("Members");
        Member ann = tenants.addMember(tenant.accountId(), Role.AGENT);
        Member bob = tenants.addMember(tenant.accountId(), Role.ADMIN);
        Member outsider = tenants.create("Elsewhere").owner();
        ApiClient api = new ApiClient(port, tenant.ownerToken());
        long inbox = api.post("/api/v1/inboxes", "{\"name\": \"Support\"}").json().get("id").asLong();
        String members = "/api/v1/inboxes/" + inbox + "/members";

        Response set = api.put(members, "{\"userIds\": [%d, %d, %d]}".formatted(bob.userId(), ann.userId(), ann.userId()));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("members").findValuesAsString("email")).containsExactlyInAnyOrder(ann.email(), bob.email());
        assertThat(set.json().get("members").findValuesAsString("role")).containsExactlyInAnyOrder("agent", "admin");
        assertThat(api.get(members).json().get("members").findValues("userId")).extracting(node -> node.asLong())
                .containsExactlyInAnyOrder(ann.userId(), bob.userId());
        assertThat(api.get("/api/v1/inboxes/" + inbox).json().get("memberCount").asInt()).isEqualTo(2);

        Response foreign = api.put(members, "{\"userIds\": [%d, %d]}".formatted(ann.userId(), outsider.userId()));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("field").asString()).isEqualTo("userIds");
        assertThat(foreign.json().get("detail").asString()).isEqualTo("User " + outsider.userId() + " is not an active teammate in this account.");
        assertThat(api.get(members).json().get("members").size()).as("a refused list changes nothing").isEqualTo(2);

        members().setActive(tenant.accountId(), bob.userId(), false);
        assertThat(api.get(members).json().get("members").findValuesAsString("email")).containsExactly(ann.email());
        assertThat(api.get("/api/v1/inboxes/" + inbox).json().get("memberCount").asInt()).isEqualTo(1);
        assertThat(api.put(members, "{\"userIds\": [%d]}".formatted(bob.userId())).status())
                .as("a teammate whose access is off cannot be chosen").isEqualTo(400);

        assertThat(api.put(members, "{\"userIds\": []}").json().get("members").size()).isZero();
        assertThat(api.put(members, "{}").json().get("field").asString()).isEqualTo("userIds");
    }

    @Test
    void agentsReadInboxesButOnlyOwnersAndAdminsChangeThem() {
        Tenant tenant = tenants.create("Roles");
        ApiClient owner = new ApiClient(port, tenant.ownerToken());
        ApiClient agent = new ApiClient(port, tenants.tokenFor(tenants.addMember(tenant.accountId(), Role.AGENT)));
        ApiClient admin = new ApiClient(port, tenants.tokenFor(tenants.addMember(tenant.accountId(), Role.ADMIN)));
        long inbox = owner.post("/api/v1/inboxes", "{\"name\": \"Support\"}").json().get("id").asLong();

        assertThat(agent.get("/api/v1/inboxes").json().findValuesAsString("name")).containsExactly("Support");
        assertThat(agent.get("/api/v1/inboxes/" + inbox).status()).isEqualTo(200);
        assertThat(agent.get("/api/v1/inboxes/" + inbox + "/members").status()).isEqualTo(200);

        Response refused = agent.post("/api/v1/inboxes", "{\"name\": \"Mine\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).isEqualTo("Your role in this account does not allow this.");
        assertThat(agent.patch("/api/v1/inboxes/" + inbox, "{\"name\": \"Mine\"}").status()).isEqualTo(403);
        assertThat(agent.put("/api/v1/inboxes/" + inbox + "/members", "{\"userIds\": []}").status()).isEqualTo(403);
        assertThat(agent.delete("/api/v1/inboxes/" + inbox).status()).isEqualTo(403);
        assertThat(owner.get("/api/v1/inboxes/" + inbox).json().get("name").asString()).isEqualTo("Support");

        assertThat(admin.patch("/api/v1/inboxes/" + inbox, "{\"name\": \"Help\"}").status()).isEqualTo(200);
        assertThat(admin.delete("/api/v1/inboxes/" + inbox).status()).isEqualTo(204);
    }

    private MemberRepository members() {
        return members;
    }
}
