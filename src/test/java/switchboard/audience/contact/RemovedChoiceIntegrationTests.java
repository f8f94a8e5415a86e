package switchboard.audience.contact;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import switchboard.audience.ContactView;
import switchboard.audience.attribute.AttributeDefinitionRepository;
import switchboard.audience.attribute.AttributeType;
import switchboard.testsupport.BearerClient;
import switchboard.testsupport.BearerClient.Answer;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin removes a choice of a list of choices while contacts hold it: told how many, they may.
 * The holders keep the value as it is: every way of editing their other fields still works, filters
 * find them and exports write it; nobody can choose the removed value anew.
 */
@SwitchboardTest
class RemovedChoiceIntegrationTests {

    /** Thymeleaf writes the static attribute as selected, the computed one as selected="selected". */
    private static final String STALE_OPTION = "<option value=\"Gold\" selected";
    private static final String STALE_LABEL = ">Gold (no longer a choice)</option>";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Contacts contacts;

    @Autowired
    AttributeDefinitionRepository attributes;

    @Test
    void theAdminIsToldHowManyHoldItAndRemovesItAnyway() {
        Tenant tenant = tenants.create("Removed Choice Api");
        long tier = attributes.create(tenant.accountId(), "tier", "Tier", AttributeType.CHOICE, List.of("Gold", "Silver", "Bronze"));
        contact(tenant, "Ann", "ann@example.com", "Gold");
        contact(tenant, "Cy", "cy@example.com", "gold");
        contact(tenant, "Bob", "bob@example.com", "Silver");
        BearerClient api = new BearerClient(port);

        Answer refused = api.patch("/api/v1/attributes/" + tier, tenant.ownerToken(), """
                {"choices": ["Silver", "Bronze"]}""");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("choices");
        assertThat(refused.json().get("contactsHolding").asLong()).isEqualTo(2);
        assertThat(refused.json().get("heldChoices").valueStream().map(JsonNode::asString)).containsExactly("Gold");
        assertThat(refused.json().get("detail").asString()).isEqualTo("2 contacts hold 'Gold'. Once removed, it can no longer be chosen, "
                + "and those contacts keep it as it is until someone changes it. Send removeHeldChoices: true to remove it anyway.");
        assertThat(api.get("/api/v1/attributes/" + tier, tenant.ownerToken()).json().get("choices").size()).as("unchanged").isEqualTo(3);

        Answer removed = api.patch("/api/v1/attributes/" + tier, tenant.ownerToken(), """
                {"choices": ["Silver", "Bronze"], "removeHeldChoices": true}""");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().get("choices").valueStream().map(JsonNode::asString)).containsExactly("Silver", "Bronze");
    }

    @Test
    void theHoldersOtherFieldsStayEditableEverywhere() {
        Tenant tenant = tenants.create("Removed Choice Edits");
        ContactView ann = withGoldRemoved(tenant);
        BearerClient api = new BearerClient(port);
        Browserless browser = signedIn(tenant);
        String profile = "/audience/contacts/" + ann.id();

        Answer patched = api.patch("/api/v1/contacts/" + ann.id(), tenant.ownerToken(), """
                {"company": "Ann's Bakery"}""");
        assertThat(patched.status()).as("API PATCH: " + patched).isEqualTo(200);
        assertThat(patched.json().get("attributes").get("tier").asString()).isEqualTo("Gold");

        HttpResponse<String> inline = browser.submit(profile, profile + "/fields/last_name", Map.of("value", "Lee"));
        assertThat(Browserless.redirectPath(inline)).as("profile inline edit: " + inline.body()).isEqualTo(profile);
        assertThat(browser.get(profile + "/fields/attributes.tier").body()).as("the inline editor offers the value it holds")
                .contains(STALE_OPTION, STALE_LABEL);

        String edit = browser.get(profile + "/edit").body();
        assertThat(edit).as("the edit form keeps the value it holds selected").contains(STALE_OPTION, STALE_LABEL);
        Map<String, String> fields = new HashMap<>(Map.of("firstName", "Ann", "lastName", "Lee", "phone", "", "email", "ann@example.com",
                "company", "Ann's Bakery & Cafe", "attr_tier", "Gold"));
        HttpResponse<String> saved = browser.submit(profile + "/edit", profile, fields);
        assertThat(Browserless.redirectPath(saved)).as("the edit form: " + saved.body()).isEqualTo(profile);

        ContactView after = contacts.get(tenant.owner(), ann.id());
        assertThat(after.lastName()).isEqualTo("Lee");
        assertThat(after.company()).isEqualTo("Ann's Bakery & Cafe");
        assertThat(after.attributes()).containsEntry("tier", "Gold");
        assertThat(browser.get(profile).body()).contains(">Gold<");
    }

    @Test
    void nobodyChoosesTheRemovedValueAnew() {
        Tenant tenant = tenants.create("Removed Choice Anew");
        ContactView ann = withGoldRemoved(tenant);
        ContactView bob = contacts.get(tenant.owner(), jsonId(new BearerClient(port).get("/api/v1/contacts?condition=tier:equals:Silver",
                tenant.ownerToken()).json()));
        BearerClient api = new BearerClient(port);
        String message = "Tier: 'Gold' is not one of Silver, Bronze.";

        Answer patched = api.patch("/api/v1/contacts/" + bob.id(), tenant.ownerToken(), """
                {"attributes": {"tier": "Gold"}}""");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(400);
        assertThat(patched.json().get("field").asString()).isEqualTo("attributes.tier");
        assertThat(patched.json().get("detail").asString()).isEqualTo(message);

        Answer created = api.post("/api/v1/contacts", tenant.ownerToken(), """
                {"email": "new@example.com", "attributes": {"tier": "Gold"}}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(400);
        assertThat(created.json().get("field").asString()).isEqualTo("attributes.tier");

        Browserless browser = signedIn(tenant);
        String profile = "/audience/contacts/" + bob.id();
        HttpResponse<String> inline = browser.submit(profile, profile + "/fields/attributes.tier", Map.of("value", "Gold"));
        assertThat(inline.statusCode()).isEqualTo(200);
        assertThat(inline.body()).contains(message.replace("'", "&#39;"), "aria-invalid=\"true\"");

        assertThat(api.patch("/api/v1/contacts/" + ann.id(), tenant.ownerToken(), """
                {"attributes": {"tier": "Silver"}}""").status()).as("the holder may move to a current choice").isEqualTo(200);
        Answer back = api.patch("/api/v1/contacts/" + ann.id(), tenant.ownerToken(), """
                {"attributes": {"tier": "Gold"}}""");
        assertThat(back.status()).as("and, having left it, not return: " + back).isEqualTo(400);
        assertThat(contacts.get(tenant.owner(), bob.id()).attributes()).containsEntry("tier", "Silver");
        assertThat(contacts.get(tenant.owner(), ann.id()).attributes()).containsEntry("tier", "Silver");
    }

    @Test
    void filtersFindTheHoldersAndExportsWriteTheValueAsItIs() {
        Tenant tenant = tenants.create("Removed Choice Filters");
        BearerClient api = new BearerClient(port);
        ContactView ann = withGoldRemovedAfter(tenant, () -> {
            Answer segment = api.post("/api/v1/segments", tenant.ownerToken(), """
                    {"name": "Gold members", "conditions": [{"attribute": "tier", "operator": "equals", "value": "Gold"}]}""");
            assertThat(segment.status()).as(segment.toString()).isEqualTo(201);
        });

        Answer equals = api.get("/api/v1/contacts?condition=tier:equals:gold", tenant.ownerToken());
        assertThat(equals.status()).as(equals.toString()).isEqualTo(200);
        assertThat(equals.json().get("items").findValuesAsString("firstName")).containsExactly("Ann");
        Answer current = api.get("/api/v1/contacts?condition=tier:equals:silver", tenant.ownerToken());
        assertThat(current.json().get("items").findValuesAsString("firstName")).as("current choices as before").containsExactly("Bob");
        Answer set = api.get("/api/v1/contacts?condition=tier:is_set", tenant.ownerToken());
        assertThat(set.json().get("items").findValuesAsString("firstName")).containsExactly("Ann", "Bob");

        Browserless browser = signedIn(tenant);
        String page = browser.get("/audience/contacts?ca=tier&co=equals&cv=Gold").body();
        assertThat(page).contains("/audience/contacts/" + ann.id()).doesNotContain("bob@example.com");
        HttpResponse<String> csv = browser.get("/audience/contacts/export.csv?ca=tier&co=equals&cv=Gold"
                + "&columns=first_name&columns=email&columns=attributes.tier");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().substring(1).lines().toList()).containsExactly("First name,Email,Tier", "Ann,ann@example.com,Gold");

        long segment = api.get("/api/v1/segments", tenant.ownerToken()).json().get("items").get(0).get("id").asLong();
        Answer members = api.get("/api/v1/segments/" + segment + "/contacts", tenant.ownerToken());
        assertThat(members.status()).as("a segment made before the removal: " + members).isEqualTo(200);
        assertThat(members.json().get("items").findValuesAsString("firstName")).containsExactly("Ann");
        assertThat(browser.get("/audience/segments/" + segment).body()).as("its editor keeps the condition as it is")
                .contains(STALE_OPTION, STALE_LABEL);
    }

    /** Ann holds Gold, Bob Silver; then Gold is removed from the choices. */
    private ContactView withGoldRemoved(Tenant tenant) {
        return withGoldRemovedAfter(tenant, () -> { });
    }

    private ContactView withGoldRemovedAfter(Tenant tenant, Runnable beforeRemoval) {
        long tier = attributes.create(tenant.accountId(), "tier", "Tier", AttributeType.CHOICE, List.of("Gold", "Silver", "Bronze"));
        ContactView ann = contact(tenant, "Ann", "ann@example.com", "Gold");
        contact(tenant, "Bob", "bob@example.com", "Silver");
        beforeRemoval.run();
        Answer removed = new BearerClient(port).patch("/api/v1/attributes/" + tier, tenant.ownerToken(), """
                {"choices": ["Silver", "Bronze"], "removeHeldChoices": true}""");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        return ann;
    }

    private ContactView contact(Tenant tenant, String name, String email, String tier) {
        return contacts.create(tenant.owner(), new ContactForm(name, "", "", email, "", Map.of("tier", tier), List.of(), List.of()),
                Contacts.Source.MANUAL);
    }

    private static long jsonId(JsonNode page) {
        return page.get("items").get(0).get("id").asLong();
    }

    private Browserless signedIn(Tenant tenant) {
        Browserless browser = new Browserless(port);
        assertThat(Browserless.redirectPath(browser.signIn(tenant.owner().email(), TestTenants.PASSWORD))).isEqualTo("/chats");
        return browser;
    }
}
