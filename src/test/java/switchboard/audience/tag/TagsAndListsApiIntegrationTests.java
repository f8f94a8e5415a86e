package switchboard.audience.tag;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.audience.AudienceRows;
import switchboard.testsupport.BearerClient;
import switchboard.testsupport.BearerClient.Answer;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/v1/tags and /api/v1/lists over real HTTP with a bearer token. */
@SwitchboardTest
class TagsAndListsApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Tags tags;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsReadsRenamesAndDeletesATag() {
        Tenant tenant = tenants.create("Api Tags " + System.nanoTime());
        String token = tenants.tokenFor(tenants.addMember(tenant.accountId(), switchboard.accounts.Role.AGENT));
        BearerClient api = new BearerClient(port);
        long ann = new AudienceRows(jdbc).contact(tenant.accountId(), "Ann", "Lee");

        Answer created = api.post("/api/v1/tags", token, "{\"name\": \"  VIP \"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("name").asString()).isEqualTo("VIP");
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/tags/" + id));
        tags.tag(tenant.accountId(), id, new long[]{ann});
        assertThat(api.get("/api/v1/tags/" + id, token).json().get("contactCount").asLong()).isEqualTo(1);

        Answer duplicate = api.post("/api/v1/tags", token, "{\"name\": \"vip\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.isProblem()).isTrue();
        assertThat(duplicate.json().get("detail").asString()).isEqualTo("A tag named vip already exists. Choose another name.");

        Answer tooLong = api.post("/api/v1/tags", token, "{\"name\": \"" + "x".repeat(61) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("field").asString()).isEqualTo("name");

        Answer renamed = api.patch("/api/v1/tags/" + id, token, "{\"name\": \"Gold\"}");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("Gold");

        assertThat(api.delete("/api/v1/tags/" + id, token).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/tags/" + id, token).status()).isEqualTo(404);
        assertThat(new AudienceRows(jdbc).contactCount(tenant.accountId())).isEqualTo(1);
    }

    @Test
    void pagesThroughTagsWithAKeysetCursor() {
        Tenant tenant = tenants.create("Api Paging " + System.nanoTime());
        BearerClient api = new BearerClient(port);
        for (int i = 0; i < 5; i++) {
            tags.create(tenant.accountId(), "Tag " + i);
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Answer page = api.get("/api/v1/tags?limit=2" + (after == null ? "" : "&after=" + after), tenant.ownerToken());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(item -> seen.add(item.get("name").asString()));
            after = page.json().get("next").isNull() ? null : page.json().get("next").asString();
            pages++;
        } while (after != null);
        assertThat(seen).containsExactly("Tag 0", "Tag 1", "Tag 2", "Tag 3", "Tag 4");
        assertThat(pages).isEqualTo(3);

        Answer tooMany = api.get("/api/v1/tags?limit=501", tenant.ownerToken());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("field").asString()).isEqualTo("limit");
    }

    @Test
    void managesAListItsTagsAndMembers() {
        Tenant tenant = tenants.create("Api Lists " + System.nanoTime());
        Tenant other = tenants.create("Api Lists Other " + System.nanoTime());
        String token = tenant.ownerToken();
        BearerClient api = new BearerClient(port);
        AudienceRows rows = new AudienceRows(jdbc);
        long ann = rows.contact(tenant.accountId(), "Ann", "Lee");
        long bob = rows.contact(tenant.accountId(), "Bob", "Ray");
        long stranger = rows.contact(other.accountId(), "Sam", "Stranger");
        long warm = tags.create(tenant.accountId(), "Warm").id();
        long theirTag = tags.create(other.accountId(), "Theirs").id();

        Answer created = api.post("/api/v1/lists", token, "{\"name\": \"Leads\", \"tagIds\": [" + warm + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("tags").get(0).get("name").asString()).isEqualTo("Warm");

        Answer added = api.post("/api/v1/lists/" + id + "/members", token, "{\"contactIds\": [" + ann + ", " + bob + "]}");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().get("changed").asInt()).isEqualTo(2);
        assertThat(added.json().get("memberCount").asLong()).isEqualTo(2);
        assertThat(tags.tagsOf(tenant.accountId(), bob)).extracting(Tag::name).containsExactly("Warm");

        Answer foreign = api.post("/api/v1/lists/" + id + "/members", token, "{\"contactIds\": [" + stranger + "]}");
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(400);
        assertThat(foreign.json().get("field").asString()).isEqualTo("contactIds");
        assertThat(foreign.json().get("detail").asString()).isEqualTo("Not contacts of this account: " + stranger + ".");

        Answer foreignTag = api.patch("/api/v1/lists/" + id, token, "{\"tagIds\": [" + theirTag + "]}");
        assertThat(foreignTag.status()).isEqualTo(400);
        assertThat(foreignTag.json().get("field").asString()).isEqualTo("tagIds");

        Answer renamed = api.patch("/api/v1/lists/" + id, token, "{\"name\": \"Hot leads\", \"tagIds\": []}");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("Hot leads");
        assertThat(renamed.json().get("tags").size()).isZero();

        Answer removed = api.send("DELETE", "/api/v1/lists/" + id + "/members", token, "{\"contactIds\": [" + ann + "]}");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().get("memberCount").asLong()).isEqualTo(1);

        assertThat(api.get("/api/v1/lists", token).json().get("items").get(0).get("memberCount").asLong()).isEqualTo(1);
        assertThat(api.delete("/api/v1/lists/" + id, token).status()).isEqualTo(204);
        assertThat(rows.contactCount(tenant.accountId())).isEqualTo(2);
    }
}
