package switchboard.audience.attribute;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.accounts.Role;
import switchboard.testsupport.BearerClient;
import switchboard.testsupport.BearerClient.Answer;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/v1/attributes over real HTTP: CRUD, validation as problem details, roles, tenancy, paging. */
@SwitchboardTest
class AttributesApiIntegrationTests {

    @LocalServerPort int port;
    @Autowired TestTenants tenants;
    @Autowired JdbcClient jdbc;

    BearerClient api;
    TestTenants.Tenant tenant;

    @BeforeEach
    void newAccount() {
        api = new BearerClient(port);
        tenant = tenants.create("Api Attributes");
    }

    @Test
    void ownerDefinesChangesAndDeletesAnAttribute() {
        Answer created = api.post("/api/v1/attributes", tenant.ownerToken(),
                "{\"label\": \"Loyalty tier\", \"type\": \"choice\", \"choices\": [\"Gold\", \"Silver\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/attributes/" + id));
        assertThat(created.json().get("key").asString()).isEqualTo("loyalty_tier");
        assertThat(created.json().get("type").asString()).isEqualTo("choice");

        Answer patched = api.patch("/api/v1/attributes/" + id, tenant.ownerToken(), "{\"label\": \"Tier\", \"choices\": [\"Gold\", \"Silver\", \"Bronze\"]}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("label").asString()).isEqualTo("Tier");
        assertThat(patched.json().get("choices")).hasSize(3);
        assertThat(api.get("/api/v1/attributes/" + id, tenant.ownerToken()).json().get("label").asString()).isEqualTo("Tier");

        jdbc.sql("insert into contacts (account_id, phone, attributes, source) values (:a, '+12125550123', '{\"loyalty_tier\": \"Gold\"}', 'api')")
                .param("a", tenant.accountId()).update();
        Answer deleted = api.delete("/api/v1/attributes/" + id, tenant.ownerToken());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.json().get("contactsCleared").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/attributes/" + id, tenant.ownerToken()).status()).isEqualTo(404);
    }

    @Test
    void invalidInputIsAProblemNamingTheField() {
        Answer reserved = api.post("/api/v1/attributes", tenant.ownerToken(), "{\"label\": \"Phone\", \"type\": \"text\"}");
        assertThat(reserved.status()).as(reserved.toString()).isEqualTo(400);
        assertThat(reserved.isProblem()).isTrue();
        assertThat(reserved.json().get("field").asString()).isEqualTo("key");

        Answer badType = api.post("/api/v1/attributes", tenant.ownerToken(), "{\"label\": \"Shoe size\", \"type\": \"decimal\"}");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("field").asString()).isEqualTo("type");

        Answer noChoices = api.post("/api/v1/attributes", tenant.ownerToken(), "{\"label\": \"Tier\", \"type\": \"choice\"}");
        assertThat(noChoices.json().get("field").asString()).as(noChoices.toString()).isEqualTo("choices");

        Answer noLabel = api.post("/api/v1/attributes", tenant.ownerToken(), "{\"type\": \"text\"}");
        assertThat(noLabel.json().get("field").asString()).as(noLabel.toString()).isEqualTo("label");
        assertThat(api.get("/api/v1/attributes", tenant.ownerToken()).json().get("items")).isEmpty();
    }

    @Test
    void agentsReadAttributesButOnlyAdminsChangeThem() {
        String agent = tenants.tokenFor(tenants.addMember(tenant.accountId(), Role.AGENT));
        String admin = tenants.tokenFor(tenants.addMember(tenant.accountId(), Role.ADMIN));
        String id = api.post("/api/v1/attributes", admin, "{\"label\": \"Plan\", \"type\": \"text\"}").json().get("id").asString();

        assertThat(api.get("/api/v1/attributes", agent).json().get("items").get(0).get("key").asString()).isEqualTo("plan");
        assertThat(api.post("/api/v1/attributes", agent, "{\"label\": \"Other\", \"type\": \"text\"}").status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/attributes/" + id, agent, "{\"label\": \"Hacked\"}").status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/attributes/" + id, agent).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/attributes/" + id, agent).json().get("label").asString()).isEqualTo("Plan");
    }

    @Test
    void anotherAccountsAttributeIsNotFound() {
        String id = api.post("/api/v1/attributes", tenant.ownerToken(), "{\"label\": \"Plan\", \"type\": \"text\"}").json().get("id").asString();
        String stranger = tenants.create("Stranger").ownerToken();

        assertThat(api.get("/api/v1/attributes/" + id, stranger).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/attributes/" + id, stranger, "{\"label\": \"Mine\"}").status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/attributes/" + id, stranger).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/attributes", stranger).json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/attributes/" + id, tenant.ownerToken()).json().get("label").asString()).isEqualTo("Plan");
    }

    @Test
    void pagesWithLimitAndAfter() {
        for (String label : new String[] {"One", "Two", "Three"}) {
            assertThat(api.post("/api/v1/attributes", tenant.ownerToken(), "{\"label\": \"" + label + "\", \"type\": \"text\"}").status()).isEqualTo(201);
        }
        Answer first = api.get("/api/v1/attributes?limit=2", tenant.ownerToken());
        assertThat(first.json().get("items")).extracting(item -> item.get("label").asString()).containsExactly("One", "Two");
        String next = first.json().get("next").asString();
        Answer second = api.get("/api/v1/attributes?limit=2&after=" + next, tenant.ownerToken());
        assertThat(second.json().get("items")).extracting(item -> item.get("label").asString()).containsExactly("Three");
        assertThat(second.json().get("next").isNull()).isTrue();
        assertThat(api.get("/api/v1/attributes?limit=0", tenant.ownerToken()).json().get("field").asString()).isEqualTo("limit");
    }
}
