package switchboard.platform.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import switchboard.testsupport.BrowserTest;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The shell works with the keyboard, is labelled for screen readers, and fits a phone. */
@SwitchboardTest
class AppShellBrowserTests extends BrowserTest {

    static final List<String> PAGES = List.of("/chats", "/audience", "/channels", "/campaigns", "/settings/account", "/settings/tokens",
            "/audience/tags", "/audience/lists", "/audience/segments", "/audience/segments/new",
            "/audience/import", "/audience/contacts/new", "/settings/attributes");

    @Autowired
    TestTenants tenants;

    @Test
    void keyboardUserSkipsToContentAndReachesEverySection() {
        var tenant = tenants.create("Keyboard Cafe");
        Page page = newPage();
        signIn(page, tenant.owner().email(), TestTenants.PASSWORD);
        page.navigate("/chats");

        page.keyboard().press("Tab");
        assertThat(page.locator(":focus")).hasText("Skip to main content");
        page.keyboard().press("Enter");
        assertThat(page.locator("main")).isFocused();

        var nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
        nav.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Campaigns")).focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(baseUrl() + "/campaigns");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Campaigns").setLevel(1))).isVisible();
    }

    @Test
    void everyPageHasOneHeadingAndLabelledControls() {
        var tenant = tenants.create("Labelled Deli");
        Page page = newPage();
        signIn(page, tenant.owner().email(), TestTenants.PASSWORD);
        for (String path : PAGES) {
            page.navigate(path);
            assertThat(page.locator("h1")).hasCount(1);
            Object unlabelled = page.evaluate("""
                    () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                      .filter(c => c.labels.length === 0 && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby'))
                      .map(c => c.name || c.id)""");
            assertThat((List<?>) unlabelled).as("unlabelled controls on " + path).isEmpty();
        }
    }

    @Test
    void fitsAPhoneScreenWithoutSidewaysScrolling() {
        var tenant = tenants.create("Tiny Screen Tacos");
        Page page = newPage();
        page.setViewportSize(375, 740);
        signIn(page, tenant.owner().email(), TestTenants.PASSWORD);
        for (String path : PAGES) {
            page.navigate(path);
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).as("sideways overflow on " + path).isLessThanOrEqualTo(0);
            assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Chats"))).isVisible();
        }
    }
}
