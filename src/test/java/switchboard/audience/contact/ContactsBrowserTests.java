package switchboard.audience.contact;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import switchboard.testsupport.BrowserTest;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A teammate works with contacts in the browser: add, search, filter, bulk-tag, edit in place, note, delete and undo. */
@SwitchboardTest
class ContactsBrowserTests extends BrowserTest {

    @Autowired
    TestTenants tenants;

    @Autowired
    Contacts contacts;

    @Test
    void addSearchFilterBulkTagEditNoteAndDeleteWithUndo() {
        Tenant tenant = tenants.create("Browser Bistro");
        contacts.create(tenant.owner(), new ContactForm("Bea", "Baker", "", "bea@example.com", "", Map.of(), List.of(), List.of()),
                Contacts.Source.MANUAL);
        contacts.create(tenant.owner(), new ContactForm("Cal", "Cook", "", "cal@example.com", "", Map.of(), List.of(), List.of()),
                Contacts.Source.MANUAL);
        Page page = newPage();
        signIn(page, tenant.owner().email(), TestTenants.PASSWORD);

        // Add a contact with a new tag.
        page.navigate("/audience/contacts");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add contact")).click();
        page.getByLabel("First name").fill("John");
        page.getByLabel("Last name").fill("Smith");
        page.getByLabel("Phone").fill("(212) 234-0199");
        page.getByLabel("New tags (comma-separated)").fill("Regulars");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save contact")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("John Smith"))).isVisible();
        assertThat(page.getByText("Added John Smith.")).isVisible();

        // Search as you type: htmx swaps the rows and keeps the search in the URL.
        page.navigate("/audience/contacts");
        assertThat(page.locator("#contact-count")).hasText("3 contacts");
        page.getByLabel("Search contacts").pressSequentially("jo smi");
        assertThat(page.locator("#contact-count")).hasText("1 contact");
        assertThat(page.locator("tbody tr")).hasCount(1);
        assertThat(page.locator("tbody")).containsText("John Smith");
        assertThat(page).hasURL(Pattern.compile(".*q=jo(\\+|%20)smi.*"));

        // Filter by tag (a reload keeps the filter: it is in the URL).
        page.getByLabel("Search contacts").fill("");
        page.locator("details.filters > summary").click();
        page.getByLabel("Tags (any of)").selectOption("Regulars");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
        assertThat(page.locator("#contact-count")).hasText("1 contact");
        page.reload();
        assertThat(page.locator("#contact-count")).hasText("1 contact");
        assertThat(page.locator("tbody")).containsText("John Smith");

        // Bulk-tag two contacts.
        page.navigate("/audience/contacts");
        page.getByLabel("Select Bea Baker").check();
        page.getByLabel("Select Cal Cook").check();
        page.getByLabel("New tag name").fill("Catering");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add tag")).click();
        assertThat(page.getByText("Tagged 2 contacts with Catering.")).isVisible();
        assertThat(row(page, "Bea Baker")).containsText("Catering");
        assertThat(row(page, "John Smith")).not().containsText("Catering");

        // Open the profile, edit a field in place, add a note.
        row(page, "Bea Baker").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Bea Baker")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bea Baker"))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit Company")).click();
        Locator company = page.getByLabel("Company", new Page.GetByLabelOptions().setExact(true));
        company.fill("Baker Bakes");
        company.press("Enter");
        assertThat(page.locator("#field-company")).containsText("Baker Bakes");
        assertThat(page.getByLabel("Company", new Page.GetByLabelOptions().setExact(true))).hasCount(0);

        page.getByLabel("New note").fill("Wants a quote for 40 people");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
        assertThat(page.locator(".notes")).containsText("Wants a quote for 40 people");
        assertThat(page.locator(".notes")).containsText(tenant.owner().name());

        // Delete with confirmation, then undo.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete…")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Delete Bea Baker?"))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete contact")).click();
        assertThat(page.getByText("Deleted Bea Baker.")).isVisible();
        assertThat(page.locator("#contact-count")).hasText("2 contacts");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Undo")).click();
        assertThat(page.getByText("Restored Bea Baker.")).isVisible();
        assertThat(page.locator("#field-company")).containsText("Baker Bakes");
        assertThat(page.locator(".notes")).containsText("Wants a quote for 40 people");
    }

    @Test
    void theContactPagesHaveLabelledControlsAndFitAPhone() {
        Tenant tenant = tenants.create("Phone Pastries");
        var contact = contacts.create(tenant.owner(), new ContactForm("Dot", "Dunn", "+12122340177", "dot@example.com", "",
                Map.of(), List.of("VIP"), List.of()), Contacts.Source.MANUAL);
        Page page = newPage();
        page.setViewportSize(375, 740);
        signIn(page, tenant.owner().email(), TestTenants.PASSWORD);
        for (String path : List.of("/audience/contacts", "/audience/contacts/new", "/audience/contacts/" + contact.id(),
                "/audience/contacts/" + contact.id() + "/edit", "/audience/contacts/export")) {
            page.navigate(path);
            assertThat(page.locator("h1")).hasCount(1);
            Object unlabelled = page.evaluate("""
                    () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                      .filter(c => c.labels.length === 0 && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby'))
                      .map(c => c.name || c.id)""");
            org.assertj.core.api.Assertions.assertThat((List<?>) unlabelled).as("unlabelled controls on " + path).isEmpty();
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).as("sideways overflow on " + path).isLessThanOrEqualTo(0);
        }
    }

    private static Locator row(Page page, String name) {
        return page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
    }
}
