package switchboard.accounts.signin;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import switchboard.testsupport.BrowserTest;
import switchboard.testsupport.SwitchboardTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A newcomer's first minutes: setup, sign in, find the product's pages, sign out. */
@SwitchboardTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class SetupSignInBrowserTests extends BrowserTest {

    @Test
    void newcomerSetsUpSignsInAndFindsEveryPageOfTheShell() {
        Page page = newPage();
        page.navigate("/");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Set up Switchboard"))).isVisible();

        page.getByLabel("Business name").fill("Corner Bakery");
        page.getByLabel("Time zone").selectOption("America/Chicago");
        page.getByLabel("Default country for phone numbers").selectOption("US");
        page.getByLabel("Your name").fill("Bea Baker");
        page.getByLabel("Email").fill("bea@example.com");
        page.getByLabel("Password").fill("flour and water");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your account is ready");
        signIn(page, "bea@example.com", "flour and water");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Chats"))).isVisible();
        assertThat(page.locator(".account-name")).hasText("Corner Bakery");
        var main = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
        for (String section : new String[] {"Audience", "Channels", "Campaigns", "Settings"}) {
            main.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(section)).click();
            assertThat(main.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(section)))
                    .hasAttribute("aria-current", "page");
        }

        page.navigate("/setup");
        assertThat(page).hasURL(baseUrl() + "/chats");

        page.getByLabel("Your profile").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("You are signed out");
        page.navigate("/chats");
        assertThat(page).hasURL(baseUrl() + "/sign-in");
    }
}
