package switchboard.inbox.inbox;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.testsupport.BrowserTest;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** An owner sets up an inbox from the keyboard: add, rename, choose members, delete. */
@SwitchboardTest
class InboxesBrowserTests extends BrowserTest {

    @Autowired
    TestTenants tenants;

    @Test
    void ownerAddsRenamesStaffsAndDeletesAnInboxFromTheKeyboard() {
        Tenant tenant = tenants.create("Keyboard Clinic");
        Member ann = tenants.addMember(tenant.accountId(), Role.AGENT);
        Member bob = tenants.addMember(tenant.accountId(), Role.ADMIN);
        Page page = newPage();
        signIn(page, tenant.owner().email(), TestTenants.PASSWORD);

        page.navigate("/settings");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Settings"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Inboxes")).press("Enter");
        page.waitForURL("**/settings/inboxes");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Inboxes"))).isVisible();
        assertThat(page.getByText("No inboxes yet")).isVisible();

        Locator newName = page.getByLabel("New inbox name");
        newName.fill("Front desk");
        newName.press("Enter");
        Locator inboxes = page.locator("#inboxes");
        assertThat(inboxes.getByRole(AriaRole.STATUS)).hasText("Added the inbox Front desk. Choose its members next.");
        assertThat(row(page, "Front desk")).containsText("0 members");

        row(page, "Front desk").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit Front desk")).press("Enter");
        page.waitForURL("**/settings/inboxes/*");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Front desk"))).isVisible();
        Locator name = page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true));
        name.fill("Reception");
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(ann.email())).press("Space");
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(bob.email())).press("Space");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).press("Enter");

        // htmx swapped the editor in place: the same page, a new heading, the boxes still ticked.
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved the inbox Reception with 2 members.");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Reception"))).isVisible();
        assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(ann.email()))).isChecked();
        assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(tenant.owner().email()))).not().isChecked();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All inboxes")).press("Enter");
        // Waits for the load event, so htmx is ready before the next key press.
        page.waitForURL("**/settings/inboxes");
        assertThat(row(page, "Reception")).containsText("2 members");

        List<String> questions = new ArrayList<>();
        page.onDialog(dialog -> {
            questions.add(dialog.message());
            dialog.accept();
        });
        row(page, "Reception").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete Reception")).press("Enter");
        assertThat(inboxes.getByRole(AriaRole.STATUS)).hasText("Deleted the inbox Reception.");
        assertThat(page.getByText("No inboxes yet")).isVisible();
        assertThat(questions).containsExactly("Delete the inbox Reception? Its members lose access to it.");
    }

    @Test
    void aDuplicateNameIsAnnouncedBesideTheFieldWithoutLeavingThePage() {
        Tenant tenant = tenants.create("Duplicate Dental");
        Page page = newPage();
        signIn(page, tenant.owner().email(), TestTenants.PASSWORD);
        page.navigate("/settings/inboxes");
        Locator newName = page.getByLabel("New inbox name");
        newName.fill("Billing");
        newName.press("Enter");
        assertThat(row(page, "Billing")).isVisible();

        page.getByLabel("New inbox name").fill("BILLING");
        page.getByLabel("New inbox name").press("Enter");
        Locator field = page.getByLabel("New inbox name");
        assertThat(field).hasAttribute("aria-invalid", "true");
        assertThat(field).hasAccessibleDescription("An inbox named BILLING already exists in this account. Choose another name.");
        assertThat(field).isFocused();
        assertThat(page.locator("tbody tr")).hasCount(1);
    }

    private static Locator row(Page page, String inbox) {
        return page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(inbox).setExact(true))));
    }
}
