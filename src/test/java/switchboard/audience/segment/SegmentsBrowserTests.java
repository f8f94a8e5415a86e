package switchboard.audience.segment;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.audience.AudienceRows;
import switchboard.audience.tag.Tags;
import switchboard.testsupport.BrowserTest;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A member builds a segment from a tag and a condition, sees its live count, edits it (picks a contact) and deletes it. */
@SwitchboardTest
class SegmentsBrowserTests extends BrowserTest {

    @Autowired
    TestTenants tenants;

    @Autowired
    Tags tags;

    @Autowired
    Segments segments;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsASegmentWithATagAndAConditionSeesItsCountEditsAndDeletesIt() {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        Tenant tenant = tenants.create("Segment Studio " + System.nanoTime());
        long account = tenant.accountId();
        jdbc.sql("insert into attribute_definitions (account_id, key, label, type) values (:a, 'city', 'City', 'text')")
                .param("a", account).update();
        AudienceRows rows = new AudienceRows(jdbc);
        long ann = rows.contact(account, "Ann", "Lee", null, Map.of("city", "\"Austin\""));
        long bob = rows.contact(account, "Bob", "Ray", null, Map.of("city", "\"Boston\""));
        rows.contact(account, "Cy", "Young", null, Map.of("city", "\"Austin\""));
        long lead = tags.create(account, "Lead").id();
        tags.tag(account, lead, new long[]{ann, bob});
        Page page = newPage();
        signIn(page, tenant.owner().email(), TestTenants.PASSWORD);

        page.navigate("/audience/segments");
        assertThat(page.getByText("No segments yet")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New segment")).click();
        assertThat(page).hasURL(baseUrl() + "/audience/segments/new");

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Austin leads");
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Lead")).check();
        Locator preview = page.locator("#segment-preview");
        assertThat(preview).hasText("Matches 2 contacts now.");

        Locator condition = page.locator("#conditions .condition-row").first();
        condition.getByLabel("Attribute").selectOption("city");
        // The row comes back with the operators of a text attribute.
        assertThat(page.locator("#conditions .condition-row").first().getByLabel("Operator").locator("option"))
                .hasText(new String[]{"is", "contains", "is set", "is not set"});
        condition = page.locator("#conditions .condition-row").first();
        condition.getByLabel("Value").fill("austin");
        condition.getByLabel("Value").press("Tab");
        assertThat(preview).hasText("Matches 1 contact now.");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create segment")).click();
        assertThat(page).hasURL(baseUrl() + "/audience/segments");
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Added the segment Austin leads.");
        assertThat(row(page, "Austin leads").locator(".segment-count")).hasText("1 contact");
        long id = segments.list(account).getFirst().id();
        assertThat(row(page, "Austin leads").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Austin leads").setExact(true)))
                .hasAttribute("href", "/audience/contacts?segment=" + id);

        row(page, "Austin leads").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit Austin leads")).click();
        assertThat(page).hasURL(baseUrl() + "/audience/segments/" + id);
        assertThat(page.locator("#conditions .condition-row").first().getByLabel("Value")).hasValue("austin");
        assertThat(preview).hasText("Matches 1 contact now.");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Leads and Cy");
        page.locator("#conditions .condition-row").first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove condition")).click();
        assertThat(preview).hasText("Matches 2 contacts now.");
        page.getByLabel("Find a contact to add").pressSequentially("Cy");
        page.locator("#picker-results").getByRole(AriaRole.BUTTON).first().click();
        assertThat(page.locator("#picked")).containsText("Cy Young");
        assertThat(preview).hasText("Matches 3 contacts now.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save segment")).click();
        assertThat(page).hasURL(baseUrl() + "/audience/segments");
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Saved the segment Leads and Cy.");
        assertThat(row(page, "Leads and Cy").locator(".segment-count")).hasText("3 contacts");

        List<String> questions = new ArrayList<>();
        page.onDialog(dialog -> {
            questions.add(dialog.message());
            dialog.accept();
        });
        row(page, "Leads and Cy").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete Leads and Cy")).click();
        assertThat(page.locator("#audience-status")).hasText("Deleted the segment Leads and Cy; its contacts stay.");
        assertThat(page.getByText("No segments yet")).isVisible();
        assertThat(questions).containsExactly("Delete the segment Leads and Cy? Its contacts stay.");
        assertThat(rows.contactCount(account)).isEqualTo(3);
    }

    private static Locator row(Page page, String name) {
        return page.locator("#segments tbody tr").filter(new Locator.FilterOptions().setHasText(name));
    }
}
