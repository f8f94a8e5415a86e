package switchboard.audience.importing;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import switchboard.testsupport.BrowserTest;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Import page refuses a file over the upload limit (4 KB here, as in UploadLimitIntegrationTests,
 * so the two share a context) as soon as it is chosen, before any upload.
 */
@SwitchboardTest
@TestPropertySource(properties = {"spring.servlet.multipart.max-file-size=4KB", "spring.servlet.multipart.max-request-size=4KB"})
class UploadLimitBrowserTests extends BrowserTest {

    private static final String MESSAGE = "The file is larger than 4 KB, the most one import takes; split it into smaller files.";

    @Autowired TestTenants tenants;

    @Test
    void aFileOverTheLimitIsRefusedWhenChosen() throws IOException {
        Tenant tenant = tenants.create("Chosen Too Large");
        Path large = Files.createTempFile("large", ".csv");
        Files.writeString(large, "Phone\n" + "2125550101\n".repeat(1000));
        Path small = Files.createTempFile("small", ".csv");
        Files.writeString(small, "Phone\n2125550101\n");
        Page page = newPage();
        signIn(page, tenant.owner().email(), TestTenants.PASSWORD);
        page.navigate("/audience/import");
        assertThat(page.getByText(MESSAGE)).isHidden();

        page.getByLabel("Choose file").setInputFiles(large);
        assertThat(page.getByRole(AriaRole.ALERT)).hasText(MESSAGE);
        assertThat(page.getByLabel("Choose file")).hasAttribute("aria-invalid", "true");
        List<String> posts = new ArrayList<>();
        page.onRequest(request -> {
            if (request.method().equals("POST")) {
                posts.add(request.url());
            }
        });
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and preview")).click();
        assertThat(page).hasURL(baseUrl() + "/audience/import");
        assertThat(posts).as("the form sent nothing").isEmpty();

        page.getByLabel("Choose file").setInputFiles(small);
        assertThat(page.getByText(MESSAGE)).isHidden();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and preview")).click();
        page.waitForURL("**/audience/import/*");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import " + small.getFileName()))).isVisible();
    }
}
