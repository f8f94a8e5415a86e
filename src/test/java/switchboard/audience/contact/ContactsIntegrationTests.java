package switchboard.audience.contact;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.accounts.Member;
import switchboard.audience.ContactView;
import switchboard.audience.attribute.AttributeDefinitionRepository;
import switchboard.audience.attribute.AttributeType;
import switchboard.audience.note.Notes;
import switchboard.platform.web.ConflictException;
import switchboard.platform.web.NotFoundException;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@SwitchboardTest
class ContactsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Contacts contacts;

    @Autowired
    Notes notes;

    @Autowired
    AttributeDefinitionRepository attributes;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAddFormCreatesAManualContactWithTagsAndOpensItsProfile() {
        Tenant tenant = tenants.create("Form Florist");
        Browserless browser = signedIn(tenant);

        HttpResponse<String> created = browser.submit("/audience/contacts/new", "/audience/contacts", Map.of(
                "firstName", "Ann", "lastName", "Lee", "phone", "(212) 234-0101", "email", "ann@example.com",
                "newTags", "VIP, Spring promo"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String profile = Browserless.redirectPath(created);
        assertThat(profile).matches("/audience/contacts/\\d+");

        HttpResponse<String> page = browser.get(profile);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Added Ann Lee.", "(212) 234-0101", "VIP", "Spring promo", "Added by hand",
                "No conversations yet");
        long id = Long.parseLong(profile.substring(profile.lastIndexOf('/') + 1));
        ContactView contact = contacts.get(tenant.owner(), id);
        assertThat(contact.phone()).isEqualTo("+12122340101");
        assertThat(contact.source()).isEqualTo("manual");
        assertThat(contacts.tagsOf(tenant.owner(), id)).containsExactly("Spring promo", "VIP");
    }

    @Test
    void aDuplicateEmailIsRefusedBesideTheFieldWithALinkToTheExistingContact() {
        Tenant tenant = tenants.create("Duplicate Diner");
        ContactView existing = contacts.create(tenant.owner(), form("Bo", "", "bo@example.com"), Contacts.Source.MANUAL);
        Browserless browser = signedIn(tenant);

        HttpResponse<String> refused = browser.submit("/audience/contacts/new", "/audience/contacts", Map.of(
                "firstName", "Other", "email", "BO@example.COM"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("The email address BO@example.COM already belongs to Bo.",
                "href=\"/audience/contacts/" + existing.id() + "\"", "aria-invalid=\"true\"", "value=\"Other\"");
        assertThat(count(tenant)).isEqualTo(1);

        DuplicateContactException phone = catchThrowableOfType(DuplicateContactException.class, () -> {
            contacts.create(tenant.owner(), form("P", "+12122340111", ""), Contacts.Source.MANUAL);
            contacts.create(tenant.owner(), form("Q", "212-234-0111", ""), Contacts.Source.MANUAL);
        });
        assertThat(phone.field()).isEqualTo("phone");
        assertThat(phone.existingName()).isEqualTo("P");
    }

    @Test
    void everyInvalidFieldIsReportedAndACustomAttributeIsValidatedByItsType() {
        Tenant tenant = tenants.create("Typed Tailors");
        Member owner = tenant.owner();
        attributes.create(tenant.accountId(), "visits", "Visits", AttributeType.NUMBER, List.of());
        attributes.create(tenant.accountId(), "birthday", "Birthday", AttributeType.DATE, List.of());
        attributes.create(tenant.accountId(), "newsletter", "Newsletter", AttributeType.BOOLEAN, List.of());
        attributes.create(tenant.accountId(), "tier", "Tier", AttributeType.CHOICE, List.of("Gold", "Silver"));
        attributes.create(tenant.accountId(), "website", "Website", AttributeType.URL, List.of());

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("visits", "many");
        bad.put("birthday", "31/31/2020");
        bad.put("newsletter", "perhaps");
        bad.put("tier", "Platinum");
        bad.put("website", "javascript:alert(1)");
        bad.put("unknown", "x");
        InvalidContactException invalid = catchThrowableOfType(InvalidContactException.class, () -> contacts.create(owner,
                new ContactForm("Cy", "", "12", "not-an-email", "", bad, List.of(), List.of()), Contacts.Source.MANUAL));
        assertThat(invalid.errors()).extracting(error -> error.field()).containsExactly("phone", "email",
                "attributes.visits", "attributes.birthday", "attributes.newsletter", "attributes.tier", "attributes.website", "attributes.unknown");
        assertThat(invalid.messageFor("attributes.tier")).isEqualTo("Tier: 'Platinum' is not one of Gold, Silver.");
        assertThat(count(tenant)).isZero();

        Map<String, String> good = Map.of("visits", "1,200", "birthday", "5/3/1990", "newsletter", "yes", "tier", "gold",
                "website", "https://lee.example.com");
        ContactView created = contacts.create(owner, new ContactForm("Cy", "", "", "cy@example.com", "", good, List.of(), List.of()),
                Contacts.Source.MANUAL);
        assertThat(jdbc.sql("select attributes::text from contacts where account_id = :a and id = :id")
                .param("a", tenant.accountId()).param("id", created.id()).query(String.class).single())
                .isEqualTo("{\"tier\": \"Gold\", \"visits\": 1200, \"website\": \"https://lee.example.com\", \"birthday\": \"1990-05-03\", \"newsletter\": true}");
    }

    @Test
    void aContactNeedsAPhoneOrAnEmail() {
        Tenant tenant = tenants.create("Nobody Nursery");
        InvalidContactException invalid = catchThrowableOfType(InvalidContactException.class,
                () -> contacts.create(tenant.owner(), form("Just a name", "", ""), Contacts.Source.MANUAL));
        assertThat(invalid.field()).isEqualTo("phone");
        assertThat(invalid.getMessage()).contains("phone number or an email address");
    }

    @Test
    void editingChangesTheFieldsAndUpdatedAtButNotCreatedAt() {
        Tenant tenant = tenants.create("Edit Emporium");
        ContactView created = contacts.create(tenant.owner(), form("Dee", "+12122340120", ""), Contacts.Source.MANUAL);
        ContactView edited = contacts.updateField(tenant.owner(), created.id(), "company", "  Dee's Deli ");
        assertThat(edited.company()).isEqualTo("Dee's Deli");
        assertThat(edited.phone()).isEqualTo("+12122340120");
        assertThat(edited.createdAt()).isEqualTo(created.createdAt());
        assertThat(edited.updatedAt()).isAfter(created.updatedAt());
        assertThatThrownBy(() -> contacts.updateField(tenant.owner(), created.id(), "phone", ""))
                .isInstanceOf(InvalidContactException.class).hasMessageContaining("phone number or an email");

        // A value left by an attribute that no longer exists does not block editing the other fields.
        jdbc.sql("update contacts set attributes = '{\"retired\": \"x\"}' where account_id = :a and id = :id")
                .param("a", tenant.accountId()).param("id", created.id()).update();
        assertThat(contacts.updateField(tenant.owner(), created.id(), "last_name", "Dunn").lastName()).isEqualTo("Dunn");
    }

    @Test
    void undoRestoresADeletedContactWithItsIdTagsListsAndNotes() {
        Tenant tenant = tenants.create("Undo Upholstery");
        Member owner = tenant.owner();
        ContactView created = contacts.create(owner, new ContactForm("Eve", "Ray", "+12122340130", "eve@example.com", "",
                Map.of(), List.of("VIP"), List.of("Leads")), Contacts.Source.MANUAL);
        notes.add(owner, created.id(), "Call back on Monday");

        contacts.delete(owner, created.id());
        assertThat(contacts.find(owner, created.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from contact_notes where account_id = :a").param("a", tenant.accountId())
                .query(Long.class).single()).isZero();

        ContactView restored = contacts.undoDelete(owner, created.id());
        assertThat(restored.id()).isEqualTo(created.id());
        assertThat(restored.createdAt()).isEqualTo(created.createdAt());
        assertThat(contacts.tagsOf(owner, created.id())).containsExactly("VIP");
        assertThat(contacts.listsOf(owner, created.id())).containsExactly("Leads");
        assertThat(notes.of(owner, created.id())).extracting(note -> note.body()).containsExactly("Call back on Monday");
        assertThatThrownBy(() -> contacts.undoDelete(owner, created.id())).as("undone once").isInstanceOf(NotFoundException.class);
    }

    @Test
    void undoIsRefusedWhenAnotherContactTookThePhoneMeanwhile() {
        Tenant tenant = tenants.create("Taken Tannery");
        ContactView first = contacts.create(tenant.owner(), form("Fay", "+12122340140", ""), Contacts.Source.MANUAL);
        contacts.delete(tenant.owner(), first.id());
        contacts.create(tenant.owner(), form("Gus", "+12122340140", ""), Contacts.Source.MANUAL);
        assertThatThrownBy(() -> contacts.undoDelete(tenant.owner(), first.id()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Cannot restore Fay").hasMessageContaining("Gus");
    }

    @Test
    void deletingThroughTheConfirmationOffersUndoOnTheList() {
        Tenant tenant = tenants.create("Confirm Cobbler");
        ContactView contact = contacts.create(tenant.owner(), form("Hal", "", "hal@example.com"), Contacts.Source.MANUAL);
        Browserless browser = signedIn(tenant);

        HttpResponse<String> confirm = browser.get("/audience/contacts/" + contact.id() + "/delete");
        assertThat(confirm.body()).contains("Delete Hal?", "You can undo it for 10 minutes");
        HttpResponse<String> deleted = browser.submit("/audience/contacts/" + contact.id() + "/delete",
                "/audience/contacts/" + contact.id() + "/delete", Map.of());
        assertThat(Browserless.redirectPath(deleted)).isEqualTo("/audience/contacts");
        HttpResponse<String> list = browser.get("/audience/contacts");
        assertThat(list.body()).contains("Deleted Hal.", "action=\"/audience/contacts/" + contact.id() + "/restore\"", "No contacts yet");

        HttpResponse<String> restored = browser.submit("/audience/contacts", "/audience/contacts/" + contact.id() + "/restore", Map.of());
        assertThat(Browserless.redirectPath(restored)).isEqualTo("/audience/contacts/" + contact.id());
        assertThat(browser.get("/audience/contacts/" + contact.id()).body()).contains("Restored Hal.");
    }

    @Test
    void theProfileSavesOneFieldAndRefusesAnInvalidOneBesideIt() {
        Tenant tenant = tenants.create("Inline Ironworks");
        ContactView contact = contacts.create(tenant.owner(), form("Ida", "", "ida@example.com"), Contacts.Source.MANUAL);
        Browserless browser = signedIn(tenant);
        String profile = "/audience/contacts/" + contact.id();

        HttpResponse<String> saved = browser.submit(profile, profile + "/fields/company", Map.of("value", "Ida Iron"));
        assertThat(Browserless.redirectPath(saved)).isEqualTo(profile);
        assertThat(contacts.get(tenant.owner(), contact.id()).company()).isEqualTo("Ida Iron");

        HttpResponse<String> refused = browser.submit(profile, profile + "/fields/phone", Map.of("value", "12"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("is not a valid phone number", "value=\"12\"", "aria-invalid=\"true\"");
        assertThat(browser.get(profile + "/fields/created_at").statusCode()).as("not an editable field").isEqualTo(404);
    }

    @Test
    void anAdminAddsAnAttributeFromTheProfileAndAnInvalidValueLeavesNoAttribute() {
        Tenant tenant = tenants.create("Attribute Atelier");
        ContactView contact = contacts.create(tenant.owner(), form("Jo", "", "jo@example.com"), Contacts.Source.MANUAL);
        Browserless browser = signedIn(tenant);
        String profile = "/audience/contacts/" + contact.id();

        HttpResponse<String> refused = browser.submit(profile, profile + "/attributes",
                Map.of("label", "Visits", "type", "number", "value", "lots"));
        assertThat(refused.body()).contains("Visits: &#39;lots&#39; is not a number");
        assertThat(attributes.all(tenant.accountId())).isEmpty();

        HttpResponse<String> reserved = browser.submit(profile, profile + "/attributes", Map.of("label", "Phone", "type", "text"));
        assertThat(reserved.body()).contains("is a default field");

        HttpResponse<String> added = browser.submit(profile, profile + "/attributes",
                Map.of("label", "Favourite colour", "type", "choice", "choices", "Red, Blue", "value", "blue"));
        assertThat(Browserless.redirectPath(added)).isEqualTo(profile);
        assertThat(attributes.all(tenant.accountId())).extracting(a -> a.key()).containsExactly("favourite_colour");
        assertThat(contacts.get(tenant.owner(), contact.id()).attributes()).containsEntry("favourite_colour", "Blue");
    }

    @Test
    void theListShowsTheCountAndKeepsItsFiltersInPagingLinks() {
        Tenant tenant = tenants.create("Paging Parlour");
        for (int i = 0; i < 30; i++) {
            contacts.create(tenant.owner(), new ContactForm("Kim" + i, "Lane", "", "kim" + i + "@example.com", "", Map.of(),
                    List.of(i % 2 == 0 ? "Even" : "Odd"), List.of()), Contacts.Source.MANUAL);
        }
        Browserless browser = signedIn(tenant);
        long even = jdbc.sql("select id from tags where account_id = :a and name = 'Even'").param("a", tenant.accountId())
                .query(Long.class).single();
        HttpResponse<String> page = browser.get("/audience/contacts?tag=" + even + "&size=25");
        assertThat(page.body()).contains("15 contacts", "Kim0", "Kim28").doesNotContain("Kim1<");
        HttpResponse<String> big = browser.get("/audience/contacts?size=25&q=lane");
        assertThat(big.body()).contains("30 contacts", "rel=\"next\"", "href=\"/audience/contacts?q=lane&amp;size=25&amp;after=");
        HttpResponse<String> invalid = browser.get("/audience/contacts?ca=shoe_size&co=equals&cv=9");
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("role=\"alert\"");
    }

    @Test
    void changesAreAnnouncedToTheAccountsOpenTabsAndOnlyAuthorsDeleteTheirNotes() {
        Tenant tenant = tenants.create("Live Laundry");
        Member agent = tenants.addMember(tenant.accountId(), switchboard.accounts.Role.AGENT);
        ContactView contact = contacts.create(tenant.owner(), form("Lou", "", "lou@example.com"), Contacts.Source.MANUAL);
        contacts.updateField(agent, contact.id(), "company", "Lou's");
        var note = notes.add(tenant.owner(), contact.id(), "Owner's note");
        assertThat(jdbc.sql("""
                        select text from live_events where account_id = :a and type = 'audience.contact.changed' and subject_id = :id order by id""")
                .param("a", tenant.accountId()).param("id", contact.id()).query(String.class).list())
                .containsExactly("Lou was added by " + tenant.owner().name(), "Lou was edited by " + agent.name(),
                        tenant.owner().name() + " added a note on Lou");

        assertThatThrownBy(() -> notes.delete(agent, contact.id(), note.id()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        notes.delete(tenant.owner(), contact.id(), note.id());
        assertThat(notes.of(agent, contact.id())).isEmpty();
    }

    private Browserless signedIn(Tenant tenant) {
        Browserless browser = new Browserless(port);
        assertThat(Browserless.redirectPath(browser.signIn(tenant.owner().email(), TestTenants.PASSWORD))).isEqualTo("/chats");
        return browser;
    }

    private long count(Tenant tenant) {
        return jdbc.sql("select count(*) from contacts where account_id = :a").param("a", tenant.accountId()).query(Long.class).single();
    }

    private static ContactForm form(String firstName, String phone, String email) {
        return new ContactForm(firstName, "", phone, email, "", Map.of(), List.of(), List.of());
    }
}
