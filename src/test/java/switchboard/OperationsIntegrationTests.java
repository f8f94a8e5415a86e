package switchboard;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import switchboard.accounts.Role;
import switchboard.testsupport.BearerClient;
import switchboard.testsupport.BearerClient.Answer;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and API clients reach besides the product: health, metrics, the API description. */
@SwitchboardTest
class OperationsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Test
    void healthIsPublicAndShowsNoDetails() {
        Answer health = new BearerClient(port).get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().propertyNames()).doesNotContain("components", "details");
    }

    @Test
    void prometheusMetricsNeedAnOwnerOrAdminToken() {
        Tenant tenant = tenants.create("Metrics");
        String agentToken = tenants.tokenFor(tenants.addMember(tenant.accountId(), Role.AGENT));
        String adminToken = tenants.tokenFor(tenants.addMember(tenant.accountId(), Role.ADMIN));

        Answer anonymous = new BearerClient(port).get("/actuator/prometheus", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.body()).doesNotContain("jvm_");

        Answer agent = new BearerClient(port).get("/actuator/prometheus", agentToken);
        assertThat(agent.status()).isEqualTo(403);
        assertThat(agent.body()).doesNotContain("jvm_");

        assertThat(new BearerClient(port).get("/actuator/prometheus", "sb_not-a-real-token").status()).isEqualTo(401);

        for (String token : new String[] {adminToken, tenant.ownerToken()}) {
            Answer metrics = new BearerClient(port).get("/actuator/prometheus", token);
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.contentType()).startsWith("text/plain");
            assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds");
        }
    }

    @Test
    void prometheusMetricsAreOpenToASignedInAdminButNotToASignedInAgent() {
        Tenant tenant = tenants.create("Metrics in the browser");
        var agent = tenants.addMember(tenant.accountId(), Role.AGENT);

        var adminBrowser = new Browserless(port);
        adminBrowser.signIn(tenant.owner().email(), TestTenants.PASSWORD);
        var metrics = adminBrowser.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_");

        var agentBrowser = new Browserless(port);
        agentBrowser.signIn(agent.email(), TestTenants.PASSWORD);
        assertThat(agentBrowser.get("/actuator/prometheus").statusCode()).isEqualTo(403);
    }

    @Test
    void apiDescriptionIsPublicAndDeclaresTheBearerScheme() {
        Answer docs = new BearerClient(port).get("/api/docs", null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode api = docs.json();
        assertThat(api.get("openapi").asString()).startsWith("3.");
        assertThat(api.get("info").get("title").asString()).isEqualTo("Switchboard API");
        JsonNode bearer = api.get("components").get("securitySchemes").get("bearer");
        assertThat(bearer.get("type").asString()).isEqualTo("http");
        assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
        assertThat(api.get("paths").propertyNames()).allMatch(path -> path.startsWith("/api/v1/"));
        assertThat(api.get("security").get(0).has("bearer")).as("every operation needs the token").isTrue();
    }

    /**
     * The API description stays complete as routes arrive: each says what it does, is secured by
     * the bearer scheme, and documents how it fails (its own codes or the shared problem answer).
     */
    @Test
    void everyApiRouteIsDescribedCompletely() {
        JsonNode api = new BearerClient(port).get("/api/docs", null).json();
        boolean securedGlobally = !api.path("security").findValues("bearer").isEmpty();
        List<String> operationIds = new ArrayList<>();
        api.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String operation = entry.getKey().toUpperCase() + " " + path.getKey();
            JsonNode spec = entry.getValue();
            assertThat(spec.path("summary").asString("")).as(operation + " has a summary").isNotBlank();
            assertThat(spec.path("tags").size()).as(operation + " has a tag").isPositive();
            assertThat(securedGlobally || !spec.path("security").findValues("bearer").isEmpty())
                    .as(operation + " names the bearer scheme").isTrue();
            Collection<String> answers = spec.get("responses").propertyNames();
            assertThat(answers.contains("default") || answers.contains("401")).as(operation + " documents 401").isTrue();
            if (path.getKey().contains("{")) {
                assertThat(answers.contains("default") || answers.contains("404")).as(operation + " documents 404").isTrue();
            }
            operationIds.add(spec.path("operationId").asString(""));
        }));
        assertThat(operationIds).as("operation ids").isNotEmpty().doesNotContain("").doesNotHaveDuplicates();
    }
}
