package switchboard.accounts.team;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import switchboard.testsupport.BrowserTest;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** An owner invites a teammate through Settings -> Team; the teammate joins from the link in their own browser. */
@SwitchboardTest
class InviteBrowserTests extends BrowserTest {

    @Autowired
    TestTenants tenants;

    @Test
    void anOwnerInvitesAnAgentWhoJoinsFromTheLinkAndSeesNoTeamTab() {
        var tenant = tenants.create("Corner Bakery");
        String email = "dana-" + System.nanoTime() + "@example.com";

        Page owner = newPage();
        signIn(owner, tenant.owner().email(), TestTenants.PASSWORD);
        owner.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings")).click();
        settingsTabs(owner).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Team")).click();
        assertThat(owner.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Team").setExact(true))).isVisible();
        owner.getByLabel("Email").fill(email);
        owner.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption("agent");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invite link")).click();
        assertThat(owner.getByRole(AriaRole.STATUS)).containsText("it is shown only now");
        String link = owner.getByLabel("Invite link").inputValue();
        assertThat(link).startsWith(baseUrl() + "/invitations/");
        assertThat(owner.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(email))).containsText("Agent");

        Page dana = newPage();
        dana.navigate(link);
        assertThat(dana.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Join Corner Bakery"))).isVisible();
        assertThat(dana.locator("main")).containsText("as Agent");
        dana.getByLabel("Your name").fill("Dana Dough");
        dana.getByLabel("Choose a password").fill("proofing basket");
        dana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join Corner Bakery")).click();
        assertThat(dana.getByRole(AriaRole.STATUS)).containsText("You joined Corner Bakery as Agent.");

        signIn(dana, email, "proofing basket");
        assertThat(dana.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Chats"))).isVisible();
        assertThat(dana.locator(".account-name")).hasText("Corner Bakery");
        assertThat(dana.getByLabel("Your profile")).containsText("Dana Dough");
        assertThat(dana.getByLabel("Your profile")).containsText("Agent");
        dana.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings")).click();
        assertThat(dana).hasURL(baseUrl() + "/settings/tokens");
        assertThat(settingsTabs(dana).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("API tokens"))).isVisible();
        assertThat(settingsTabs(dana).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Team"))).hasCount(0);

        owner.reload();
        assertThat(owner.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Dana Dough"))).containsText("Active");
    }

    private static Locator settingsTabs(Page page) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Settings"));
    }
}
