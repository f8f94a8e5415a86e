package switchboard.audience.contact;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.audience.attribute.AttributeDefinitionRepository;
import switchboard.audience.attribute.AttributeType;
import switchboard.testsupport.BearerClient;
import switchboard.testsupport.BearerClient.Answer;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SwitchboardTest
class ContactsApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    AttributeDefinitionRepository attributes;

    @Test
    void createsReadsPatchesDeletesAndRestoresAContact() {
        Tenant tenant = tenants.create("Api Bakery");
        attributes.create(tenant.accountId(), "birthday", "Birthday", AttributeType.DATE, List.of());
        BearerClient api = new BearerClient(port);

        Answer created = api.post("/api/v1/contacts", tenant.ownerToken(), """
                {"firstName": " Ann ", "lastName": "Lee", "phone": "(212) 234-0101", "email": "Ann@Example.com",
                 "attributes": {"birthday": "5/3/1990"}, "tags": ["VIP"], "lists": ["Leads"]}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode contact = created.json();
        long id = contact.get("id").asLong();
        assertThat(contact.get("firstName").asString()).isEqualTo("Ann");
        assertThat(contact.get("phone").asString()).isEqualTo("+12122340101");
        assertThat(contact.get("source").asString()).isEqualTo("api");
        assertThat(contact.get("attributes").get("birthday").asString()).isEqualTo("1990-05-03");
        assertThat(contact.get("tags").get(0).asString()).isEqualTo("VIP");
        assertThat(contact.get("lists").get(0).asString()).isEqualTo("Leads");
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/contacts/" + id));

        Answer patched = api.patch("/api/v1/contacts/" + id, tenant.ownerToken(), """
                {"company": "Lee Bakery", "lastName": null}""");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("company").asString()).isEqualTo("Lee Bakery");
        assertThat(patched.json().get("lastName").isNull()).isTrue();
        assertThat(patched.json().get("email").asString()).as("untouched fields stay").isEqualTo("Ann@Example.com");
        assertThat(patched.json().get("attributes").get("birthday").asString()).isEqualTo("1990-05-03");

        assertThat(api.delete("/api/v1/contacts/" + id, tenant.ownerToken()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/contacts/" + id, tenant.ownerToken()).status()).isEqualTo(404);
        Answer restored = api.post("/api/v1/contacts/" + id + "/restore", tenant.ownerToken(), null);
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.json().get("tags").get(0).asString()).isEqualTo("VIP");
        assertThat(api.get("/api/v1/contacts/" + id, tenant.ownerToken()).json().get("company").asString()).isEqualTo("Lee Bakery");
        assertThat(api.post("/api/v1/contacts/" + id + "/restore", tenant.ownerToken(), null).status()).as("restored once").isEqualTo(404);
    }

    @Test
    void aDuplicatePhoneIsAConflictNamingTheExistingContact() {
        Tenant tenant = tenants.create("Duplicate Deli");
        BearerClient api = new BearerClient(port);
        long first = api.post("/api/v1/contacts", tenant.ownerToken(), """
                {"firstName": "Bo", "phone": "+1 212 234 0102"}""").json().get("id").asLong();

        Answer second = api.post("/api/v1/contacts", tenant.ownerToken(), """
                {"firstName": "Other", "phone": "212.234.0102"}""");
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.isProblem()).isTrue();
        assertThat(second.json().get("existingContactId").asLong()).isEqualTo(first);
        assertThat(second.json().get("field").asString()).isEqualTo("phone");
        assertThat(second.json().get("detail").asString()).contains("Bo");
    }

    @Test
    void invalidFieldsAreAllListedAndNothingIsStored() {
        Tenant tenant = tenants.create("Invalid Inn");
        attributes.create(tenant.accountId(), "visits", "Visits", AttributeType.NUMBER, List.of());
        BearerClient api = new BearerClient(port);

        Answer refused = api.post("/api/v1/contacts", tenant.ownerToken(), """
                {"firstName": "Cy", "phone": "12", "email": "not-an-email", "attributes": {"visits": "many"}}""");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactly("phone", "email", "attributes.visits");
        assertThat(refused.json().get("field").asString()).isEqualTo("phone");

        Answer neither = api.post("/api/v1/contacts", tenant.ownerToken(), """
                {"firstName": "Nobody"}""");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.json().get("detail").asString()).contains("phone number or an email");
        assertThat(api.get("/api/v1/contacts", tenant.ownerToken()).json().get("items").size()).isZero();
    }

    @Test
    void listsPagesWithANextCursorAndFiltersBySearchAndTag() {
        Tenant tenant = tenants.create("Paging Pantry");
        BearerClient api = new BearerClient(port);
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/contacts", tenant.ownerToken(), """
                    {"firstName": "Page%d", "lastName": "Person", "email": "page%d@example.com", "tags": ["%s"]}"""
                    .formatted(i, i, i % 2 == 0 ? "even" : "odd"));
        }
        Answer first = api.get("/api/v1/contacts?limit=2", tenant.ownerToken());
        assertThat(first.json().get("items").findValuesAsString("firstName")).containsExactly("Page0", "Page1");
        String next = first.json().get("next").asString();
        Answer second = api.get("/api/v1/contacts?limit=2&after=" + next, tenant.ownerToken());
        assertThat(second.json().get("items").findValuesAsString("firstName")).containsExactly("Page2", "Page3");
        Answer last = api.get("/api/v1/contacts?limit=2&after=" + second.json().get("next").asString(), tenant.ownerToken());
        assertThat(last.json().get("items").findValuesAsString("firstName")).containsExactly("Page4");
        assertThat(last.json().get("next").isNull()).isTrue();

        Answer searched = api.get("/api/v1/contacts?q=page3%20per", tenant.ownerToken());
        assertThat(searched.json().get("items").findValuesAsString("firstName")).containsExactly("Page3");

        long contact = first.json().get("items").get(0).get("id").asLong();
        Answer tags = api.get("/api/v1/contacts/" + contact, tenant.ownerToken());
        assertThat(tags.json().get("tags").get(0).asString()).isEqualTo("even");
        assertThat(api.get("/api/v1/contacts?limit=0", tenant.ownerToken()).status()).isEqualTo(400);

        Answer conditioned = api.get("/api/v1/contacts?condition=first_name:equals:Page2&condition=email:is_set", tenant.ownerToken());
        assertThat(conditioned.json().get("items").findValuesAsString("firstName")).containsExactly("Page2");
        Answer unknown = api.get("/api/v1/contacts?condition=shoe_size:equals:9", tenant.ownerToken());
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.json().get("field").asString()).isEqualTo("condition");
    }

    @Test
    void tagsAreAddedAndRemovedByNameIgnoringCase() {
        Tenant tenant = tenants.create("Tag Tavern");
        BearerClient api = new BearerClient(port);
        long id = api.post("/api/v1/contacts", tenant.ownerToken(), """
                {"email": "tagged@example.com"}""").json().get("id").asLong();

        Answer tagged = api.put("/api/v1/contacts/" + id + "/tags", tenant.ownerToken(), """
                {"name": "Newsletter"}""");
        assertThat(tagged.status()).as(tagged.toString()).isEqualTo(200);
        assertThat(tagged.json().get("tags").get(0).asString()).isEqualTo("Newsletter");
        api.put("/api/v1/contacts/" + id + "/tags", tenant.ownerToken(), """
                {"name": "NEWSLETTER"}""");
        Answer untagged = api.delete("/api/v1/contacts/" + id + "/tags?name=newsletter", tenant.ownerToken());
        assertThat(untagged.status()).as(untagged.toString()).isEqualTo(200);
        assertThat(untagged.json().get("tags").size()).isZero();
        assertThat(api.delete("/api/v1/contacts/" + id + "/tags", tenant.ownerToken()).status()).isEqualTo(400);
    }

    @Test
    void notesAndManualConsentAreRecordedWithTheirAuthor() {
        Tenant tenant = tenants.create("Consent Cafe");
        Member agent = tenants.addMember(tenant.accountId(), Role.AGENT);
        String agentToken = tenants.tokenFor(agent);
        BearerClient api = new BearerClient(port);
        long id = api.post("/api/v1/contacts", tenant.ownerToken(), """
                {"firstName": "Dee", "phone": "+1 212 234 0103"}""").json().get("id").asLong();

        Answer note = api.post("/api/v1/contacts/" + id + "/notes", agentToken, """
                {"body": "Prefers texts after 5 pm"}""");
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        assertThat(note.json().get("authorName").asString()).isEqualTo(agent.name());
        assertThat(api.get("/api/v1/contacts/" + id + "/notes", tenant.ownerToken()).json().findValuesAsString("body"))
                .containsExactly("Prefers texts after 5 pm");

        Answer noEvidence = api.post("/api/v1/contacts/" + id + "/consent", agentToken, """
                {"status": "opted_in"}""");
        assertThat(noEvidence.status()).isEqualTo(400);
        assertThat(noEvidence.json().get("field").asString()).isEqualTo("evidence");

        Answer optedIn = api.post("/api/v1/contacts/" + id + "/consent", agentToken, """
                {"status": "opted_in", "evidence": "Signed the form at the front desk"}""");
        assertThat(optedIn.status()).as(optedIn.toString()).isEqualTo(200);
        api.post("/api/v1/contacts/" + id + "/consent", tenant.ownerToken(), """
                {"status": "opted_out"}""");
        Answer history = api.get("/api/v1/contacts/" + id + "/consent", tenant.ownerToken());
        assertThat(history.json().get("status").asString()).isEqualTo("opted_out");
        assertThat(history.json().get("history").findValuesAsString("status")).containsExactly("opted_out", "opted_in");
        assertThat(history.json().get("history").get(1).get("userId").asLong()).isEqualTo(agent.userId());
        assertThat(history.json().get("history").get(1).get("evidence").asString()).isEqualTo("Signed the form at the front desk");
        assertThat(history.json().get("history").get(1).get("source").asString()).isEqualTo("manual");
        assertThat(api.get("/api/v1/contacts/" + id, tenant.ownerToken()).json().get("consent").asString()).isEqualTo("opted_out");
    }

    @Test
    void aTeammateDeletesTheirOwnNoteButNotSomeoneElses() {
        Tenant tenant = tenants.create("Note Nook");
        Member agent = tenants.addMember(tenant.accountId(), Role.AGENT);
        String agentToken = tenants.tokenFor(agent);
        BearerClient api = new BearerClient(port);
        long id = api.post("/api/v1/contacts", tenant.ownerToken(), """
                {"firstName": "Eve", "email": "eve@example.com"}""").json().get("id").asLong();
        long other = api.post("/api/v1/contacts", tenant.ownerToken(), """
                {"firstName": "Fay", "email": "fay@example.com"}""").json().get("id").asLong();
        long note = api.post("/api/v1/contacts/" + id + "/notes", agentToken, """
                {"body": "Call back on Monday"}""").json().get("id").asLong();

        Answer byOwner = api.delete("/api/v1/contacts/" + id + "/notes/" + note, tenant.ownerToken());
        assertThat(byOwner.status()).as("even an owner leaves a teammate's note, as on the profile: " + byOwner).isEqualTo(403);
        assertThat(byOwner.isProblem()).isTrue();
        assertThat(byOwner.json().get("detail").asString()).isEqualTo("Only its author deletes a note.");
        assertThat(api.get("/api/v1/contacts/" + id + "/notes", agentToken).json().findValuesAsString("body")).containsExactly("Call back on Monday");

        Answer onAnotherContact = api.delete("/api/v1/contacts/" + other + "/notes/" + note, agentToken);
        assertThat(onAnotherContact.status()).as(onAnotherContact.toString()).isEqualTo(404);
        assertThat(onAnotherContact.isProblem()).isTrue();

        Answer deleted = api.delete("/api/v1/contacts/" + id + "/notes/" + note, agentToken);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(api.get("/api/v1/contacts/" + id + "/notes", agentToken).json().size()).isZero();
        assertThat(api.delete("/api/v1/contacts/" + id + "/notes/" + note, agentToken).status()).as("deleted once").isEqualTo(404);
    }

    @Test
    void aContactJoinsAndLeavesListsByIdWithTheListsTags() {
        Tenant tenant = tenants.create("List Lounge");
        Tenant other = tenants.create("List Lounge Other");
        BearerClient api = new BearerClient(port);
        long id = api.post("/api/v1/contacts", tenant.ownerToken(), """
                {"firstName": "Gus", "email": "gus@example.com", "lists": ["Leads"]}""").json().get("id").asLong();
        long warm = api.post("/api/v1/tags", tenant.ownerToken(), """
                {"name": "Warm"}""").json().get("id").asLong();
        long customers = api.post("/api/v1/lists", tenant.ownerToken(), """
                {"name": "Customers", "tagIds": [%d]}""".formatted(warm)).json().get("id").asLong();
        long vips = api.post("/api/v1/lists", tenant.ownerToken(), """
                {"name": "VIPs"}""").json().get("id").asLong();
        long theirs = api.post("/api/v1/lists", other.ownerToken(), """
                {"name": "Theirs"}""").json().get("id").asLong();

        Answer joined = api.put("/api/v1/contacts/" + id + "/lists", tenant.ownerToken(), """
                {"listIds": [%d, %d]}""".formatted(customers, vips));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.json().get("lists").valueStream().map(JsonNode::asString)).containsExactly("Customers", "Leads", "VIPs");
        JsonNode contact = api.get("/api/v1/contacts/" + id, tenant.ownerToken()).json();
        assertThat(contact.get("tags").valueStream().map(JsonNode::asString)).as("the list's tag comes with it").containsExactly("Warm");
        assertThat(api.put("/api/v1/contacts/" + id + "/lists", tenant.ownerToken(), """
                {"listIds": [%d]}""".formatted(vips)).status()).as("joining twice is harmless").isEqualTo(200);

        Answer foreign = api.put("/api/v1/contacts/" + id + "/lists", tenant.ownerToken(), """
                {"listIds": [%d, %d]}""".formatted(vips, theirs));
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(400);
        assertThat(foreign.isProblem()).isTrue();
        assertThat(foreign.json().get("field").asString()).isEqualTo("listIds");
        assertThat(foreign.json().get("detail").asString()).isEqualTo("List " + theirs + " does not exist in this account.");
        Answer missing = api.put("/api/v1/contacts/" + id + "/lists", tenant.ownerToken(), "{}");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(missing.json().get("field").asString()).isEqualTo("listIds");

        Answer left = api.send("DELETE", "/api/v1/contacts/" + id + "/lists", tenant.ownerToken(), """
                {"listIds": [%d, %d]}""".formatted(customers, vips));
        assertThat(left.status()).as(left.toString()).isEqualTo(200);
        assertThat(left.json().get("lists").valueStream().map(JsonNode::asString)).containsExactly("Leads");
        JsonNode after = api.get("/api/v1/contacts/" + id, tenant.ownerToken()).json();
        assertThat(after.get("tags").valueStream().map(JsonNode::asString)).as("leaving a list keeps its tags").containsExactly("Warm");
        assertThat(api.get("/api/v1/lists/" + customers, tenant.ownerToken()).json().get("memberCount").asLong()).isZero();

        Answer foreignRemoval = api.send("DELETE", "/api/v1/contacts/" + id + "/lists", tenant.ownerToken(), """
                {"listIds": [%d]}""".formatted(theirs));
        assertThat(foreignRemoval.status()).as(foreignRemoval.toString()).isEqualTo(400);
        assertThat(foreignRemoval.json().get("field").asString()).isEqualTo("listIds");
    }
}
