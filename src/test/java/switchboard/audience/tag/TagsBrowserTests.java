package switchboard.audience.tag;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.audience.AudienceRows;
import switchboard.testsupport.BrowserTest;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** An agent manages tags from the keyboard: add, rename with the pencil (Enter saves, Esc cancels), delete with the trash. */
@SwitchboardTest
class TagsBrowserTests extends BrowserTest {

    @Autowired
    TestTenants tenants;

    @Autowired
    Tags tags;

    @Autowired
    JdbcClient jdbc;

    @Test
    void agentAddsRenamesAndDeletesATagAndTheContactsRemain() {
        Tenant tenant = tenants.create("Tag Bakery " + System.nanoTime());
        Member agent = tenants.addMember(tenant.accountId(), Role.AGENT);
        AudienceRows rows = new AudienceRows(jdbc);
        long ann = rows.contact(tenant.accountId(), "Ann", "Lee");
        long bob = rows.contact(tenant.accountId(), "Bob", "Ray");
        // The machine may be busy (the delete answers after its live event round trip): wait longer than the 5 s default.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        Page page = newPage();
        signIn(page, agent.email(), TestTenants.PASSWORD);

        page.navigate("/audience/lists");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Audience"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Tags")).press("Enter");
        page.waitForURL("**/audience/tags");
        assertThat(page.getByText("No tags yet")).isVisible();

        Locator newName = page.getByLabel("New tag name");
        newName.fill("Wholesale");
        newName.press("Enter");
        Locator table = page.locator("#tags");
        assertThat(page.locator("#audience-status")).hasText("Added the tag Wholesale.");
        long id = tags.list(tenant.accountId()).getFirst().id();
        tags.tag(tenant.accountId(), id, new long[]{ann, bob});

        page.getByLabel("New tag name").fill("wholesale");
        page.getByLabel("New tag name").press("Enter");
        assertThat(table.locator(".error")).hasText("A tag named wholesale already exists. Choose another name.");

        // The live event of the tagging (or this reload) shows the count.
        page.reload();
        assertThat(row(page, "Wholesale")).containsText("2 contacts");
        assertThat(row(page, "Wholesale").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Wholesale")))
                .hasAttribute("href", "/audience/contacts?tag=" + id);

        // Pencil, then Esc: nothing changes.
        row(page, "Wholesale").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename Wholesale")).press("Enter");
        Locator editor = page.getByLabel("New name for Wholesale");
        assertThat(editor).isFocused();
        editor.fill("Something else");
        editor.press("Escape");
        assertThat(page.getByLabel("New name for Wholesale")).hasCount(0);
        assertThat(row(page, "Wholesale")).isVisible();

        // Pencil, type, Enter: renamed in place. The rename's live event then refreshes the table
        // (held back while the save is on its way); focus stays on the pencil through both.
        page.evaluate("""
                () => document.body.addEventListener('htmx:afterSettle', event => {
                    if (event.detail.xhr && event.detail.xhr.responseURL.includes('/audience/tags/table')) window.tableRefreshed = true;
                })""");
        row(page, "Wholesale").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename Wholesale")).press("Enter");
        page.getByLabel("New name for Wholesale").fill("Trade");
        page.getByLabel("New name for Wholesale").press("Enter");
        assertThat(row(page, "Trade")).containsText("2 contacts");
        assertThat(tags.get(tenant.accountId(), id).name()).isEqualTo("Trade");
        page.waitForFunction("() => window.tableRefreshed === true");
        assertThat(row(page, "Trade").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename Trade"))).isFocused();

        List<String> questions = new ArrayList<>();
        page.onDialog(dialog -> {
            questions.add(dialog.message());
            dialog.accept();
        });
        row(page, "Trade").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete Trade")).press("Enter");
        assertThat(page.locator("#audience-status")).hasText("Deleted the tag Trade and removed it from 2 contacts; the contacts stay.");
        assertThat(page.getByText("No tags yet")).isVisible();
        assertThat(questions).containsExactly("Delete the tag Trade? This removes the tag from 2 contacts; the contacts stay.");
        assertThat(rows.contactCount(tenant.accountId())).isEqualTo(2);
    }

    /**
     * A live refresh already on its way when the pencil is pressed must not close the editor:
     * the table's refresh is held until the editor is open, then let through.
     */
    @Test
    void aLiveRefreshArrivingWhileATagIsRenamedLeavesTheEditorOpen() {
        Tenant tenant = tenants.create("Tag Race " + System.nanoTime());
        Member agent = tenants.addMember(tenant.accountId(), Role.AGENT);
        tags.create(tenant.accountId(), "Wholesale");
        Page page = newPage();
        signIn(page, agent.email(), TestTenants.PASSWORD);
        page.navigate("/audience/tags");
        assertThat(row(page, "Wholesale")).isVisible();
        page.evaluate("() => document.body.addEventListener('htmx:afterRequest', () => { window.refreshAnswered = true; })");

        List<com.microsoft.playwright.Route> held = new ArrayList<>();
        page.route("**/audience/tags/table**", held::add);
        tags.create(tenant.accountId(), "Retail");
        page.waitForCondition(() -> !held.isEmpty());
        row(page, "Wholesale").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename Wholesale")).press("Enter");
        assertThat(page.getByLabel("New name for Wholesale")).isFocused();

        held.getFirst().resume();
        page.waitForFunction("() => window.refreshAnswered === true");
        assertThat(page.getByLabel("New name for Wholesale")).isVisible();
        assertThat(page.getByLabel("New name for Wholesale")).isFocused();
    }

    private static Locator row(Page page, String name) {
        return page.locator("#tags tbody tr").filter(new Locator.FilterOptions().setHasText(name));
    }
}
