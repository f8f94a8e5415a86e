package switchboard.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Base class of browser tests: Playwright for Java driving Debian's chromium at /usr/bin/chromium
 * (no browser download; the test command installs the package). A missing browser fails the
 * test with the install instruction; it never skips.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    public static final Path CHROMIUM = Path.of(System.getProperty("switchboard.test.chromium", "/usr/bin/chromium"));

    @LocalServerPort
    protected int port;

    private Playwright playwright;
    private Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    void launchBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Browser tests need Chromium at " + CHROMIUM
                    + ". On Debian/Ubuntu: sudo apt-get install chromium (the README's test command does this when run as root).");
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A new browser window with its own cookies (a separate person), on this test's server. */
    protected Page newPage() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl()));
        context.setDefaultTimeout(10_000);
        contexts.add(context);
        return context.newPage();
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Signs in through the real form and waits for its answer (the chats page, or the form with ?error). */
    protected void signIn(Page page, String email, String password) {
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> !url.endsWith("/sign-in"));
    }
}
