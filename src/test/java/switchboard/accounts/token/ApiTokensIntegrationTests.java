package switchboard.accounts.token;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.accounts.team.MemberRepository;
import switchboard.testsupport.BearerClient;
import switchboard.testsupport.BearerClient.Answer;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;

import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal API tokens: shown once, stored hashed, acting as their creator in their account only. */
@SwitchboardTest
class ApiTokensIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    MemberRepository members;

    @Autowired
    JdbcClient jdbc;

    BearerClient api() {
        return new BearerClient(port);
    }

    @Test
    void showsTheSecretOnceAndStoresOnlyItsHash() {
        var tenant = tenants.create("Harbor Deli");

        Answer created = api().post("/api/v1/tokens", tenant.ownerToken(), "{\"name\":\"CRM sync\"}");

        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("token").asString();
        long id = created.json().get("id").asLong();
        assertThat(secret).startsWith("sb_").hasSizeGreaterThan(40);
        assertThat(created.json().get("hint").asString()).isEqualTo(secret.substring(secret.length() - 4));
        var stored = jdbc.sql("select token_hash, token_hint from api_tokens where id = :id").param("id", id)
                .query((rs, n) -> Map.entry(rs.getBytes("token_hash"), rs.getString("token_hint"))).single();
        assertThat(stored.getKey()).isEqualTo(Secret.sha256(secret));
        assertThat(stored.getValue()).isEqualTo(secret.substring(secret.length() - 4));
        assertThat(jdbc.sql("select count(*) from api_tokens where position(:secret in name || token_hint || encode(token_hash, 'escape')) > 0")
                .param("secret", secret).query(Integer.class).single()).isZero();

        Answer list = api().get("/api/v1/tokens", secret);
        assertThat(list.body()).doesNotContain(secret);
        assertThat(list.json().findValuesAsString("name")).contains("CRM sync", "tests");
        assertThat(api().get("/api/v1/me", secret).json().get("userId").asLong()).isEqualTo(tenant.owner().userId());
    }

    @Test
    void aRevokedTokenAnswers401() {
        var tenant = tenants.create("Harbor Deli");
        JsonNode created = api().post("/api/v1/tokens", tenant.ownerToken(), "{\"name\":\"Zapier\"}").json();
        String secret = created.get("token").asString();
        assertThat(api().get("/api/v1/me", secret).status()).isEqualTo(200);

        assertThat(api().delete("/api/v1/tokens/" + created.get("id").asLong(), tenant.ownerToken()).status()).isEqualTo(204);

        Answer refused = api().get("/api/v1/me", secret);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString()).contains("revoked");
        assertThat(api().get("/api/v1/tokens", tenant.ownerToken()).json().findValuesAsString("name")).doesNotContain("Zapier");
    }

    @Test
    void aTokenActsWithItsCreatorsCurrentRole() {
        var tenant = tenants.create("Harbor Deli");
        Member admin = tenants.addMember(tenant.accountId(), Role.ADMIN);
        String adminToken = tenants.tokenFor(admin);
        assertThat(api().patch("/api/v1/account", adminToken, "{\"name\":\"Harbor Deli by admin\"}").status()).isEqualTo(200);

        assertThat(api().patch("/api/v1/teammates/" + admin.userId(), tenant.ownerToken(), "{\"role\":\"agent\"}").status()).isEqualTo(200);

        Answer demoted = api().patch("/api/v1/account", adminToken, "{\"name\":\"Harbor Deli by agent\"}");
        assertThat(demoted.status()).isEqualTo(403);
        assertThat(demoted.isProblem()).isTrue();
        assertThat(api().get("/api/v1/me", adminToken).json().get("role").asString()).isEqualTo("agent");
        assertThat(api().get("/api/v1/account", adminToken).json().get("name").asString()).isEqualTo("Harbor Deli by admin");
    }

    @Test
    void aTokenActsOnlyInTheAccountItWasCreatedIn() {
        var harbor = tenants.create("Harbor Deli");
        var rival = tenants.create("Rival Deli");
        Member rivalAgent = tenants.addMember(rival.accountId(), Role.AGENT);
        // The harbor owner also belongs to the rival deli, as an agent there.
        members.addMembership(rival.accountId(), harbor.owner().userId(), Role.AGENT);

        JsonNode me = api().get("/api/v1/me", harbor.ownerToken()).json();
        assertThat(me.get("accountId").asLong()).isEqualTo(harbor.accountId());
        assertThat(me.get("role").asString()).isEqualTo("owner");
        assertThat(api().get("/api/v1/account", harbor.ownerToken()).json().get("id").asLong()).isEqualTo(harbor.accountId());
        assertThat(api().get("/api/v1/teammates", harbor.ownerToken()).json().findValuesAsString("email")).doesNotContain(rivalAgent.email());
        assertThat(api().get("/api/v1/teammates/" + rivalAgent.userId(), harbor.ownerToken()).status()).isEqualTo(404);
        assertThat(api().patch("/api/v1/teammates/" + rivalAgent.userId(), harbor.ownerToken(), "{\"active\":false}").status()).isEqualTo(404);
        assertThat(members.activeMember(rival.accountId(), rivalAgent.userId())).isPresent();
    }

    @Test
    void anotherUsersTokenCannotBeSeenOrRevoked() {
        var harbor = tenants.create("Harbor Deli");
        var rival = tenants.create("Rival Deli");
        Member colleague = tenants.addMember(harbor.accountId(), Role.ADMIN);
        long colleagueTokenId = api().post("/api/v1/tokens", tenants.tokenFor(colleague), "{\"name\":\"Colleague's\"}").json().get("id").asLong();

        assertThat(api().get("/api/v1/tokens", harbor.ownerToken()).json().findValuesAsString("name")).doesNotContain("Colleague's");
        assertThat(api().delete("/api/v1/tokens/" + colleagueTokenId, harbor.ownerToken()).status()).isEqualTo(404);
        Answer foreign = api().delete("/api/v1/tokens/" + colleagueTokenId, rival.ownerToken());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.isProblem()).isTrue();
        assertThat(api().get("/api/v1/tokens", tenants.tokenFor(colleague)).json().findValuesAsString("name")).contains("Colleague's");
    }

    @Test
    void aTokenWithoutANameIsRefusedNamingTheField() {
        var tenant = tenants.create("Harbor Deli");

        Answer unnamed = api().post("/api/v1/tokens", tenant.ownerToken(), "{\"name\":\"  \"}");

        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.isProblem()).isTrue();
        assertThat(unnamed.json().get("field").asString()).isEqualTo("name");
        Answer broken = api().post("/api/v1/tokens", tenant.ownerToken(), "{not json");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.isProblem()).isTrue();
    }

    @Test
    void everyRoleManagesOwnTokensInSettingsAndSeesTheSecretOnlyOnce() {
        var tenant = tenants.create("Harbor Deli");
        Member agent = tenants.addMember(tenant.accountId(), Role.AGENT);
        var browser = new Browserless(port);
        browser.signIn(agent.email(), TestTenants.PASSWORD);

        var created = browser.submit("/settings/tokens", "/settings/tokens", Map.of("name", "Spreadsheet"));

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("it will not be shown again");
        var secret = Pattern.compile("id=\"new-token\"[^>]*value=\"(sb_[^\"]+)\"").matcher(created.body());
        assertThat(secret.find()).isTrue();
        assertThat(api().get("/api/v1/me", secret.group(1)).json().get("role").asString()).isEqualTo("agent");
        var later = browser.get("/settings/tokens");
        assertThat(later.body()).contains("Spreadsheet").contains("…" + secret.group(1).substring(secret.group(1).length() - 4))
                .doesNotContain(secret.group(1));
        assertThat(later.body()).doesNotContain("Never");

        long id = jdbc.sql("select id from api_tokens where user_id = :userId and name = 'Spreadsheet'")
                .param("userId", agent.userId()).query(Long.class).single();
        var revoked = browser.submit("/settings/tokens", "/settings/tokens/" + id + "/revoke", Map.of());
        assertThat(Browserless.redirectPath(revoked)).isEqualTo("/settings/tokens");
        assertThat(api().get("/api/v1/me", secret.group(1)).status()).isEqualTo(401);
        var foreign = browser.submit("/settings/tokens", "/settings/tokens/" + id + "/revoke", Map.of());
        assertThat(foreign.statusCode()).isEqualTo(404);
    }
}
