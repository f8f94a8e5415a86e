package switchboard.audience.importing;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import switchboard.audience.tag.TagRepository;
import switchboard.testsupport.BrowserTest;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import wizard in a real browser with real files: choose a file, map its columns (changing
 * one, creating an attribute from another), choose tags, list, duplicate policy and consent, watch
 * the progress reach the summary, download the error report. Batches of 200 rows (the engine
 * tests' setting, so the two share a context) make a 1,000-row file a multi-batch import.
 */
@SwitchboardTest
@TestPropertySource(properties = {"switchboard.imports.batch-rows=200", "switchboard.imports.poll-interval=200ms"})
class ImportWizardBrowserTests extends BrowserTest {

    private static final Path MESSY_FILE = Path.of("src/test/resources/imports/wizard-messy.csv");

    /** The check AppShellBrowserTests makes of every page, for the steps that need an import to exist. */
    private static final String UNLABELLED_CONTROLS = """
            () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
              .filter(c => c.labels.length === 0 && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby'))
              .map(c => c.name || c.id)""";
    private static final String SIDEWAYS_OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth";
    /** What sticks out on the right, to name in a failure. */
    private static final String WIDE_ELEMENTS = """
            () => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth)
              .filter(e => { for (let a = e.parentElement; a; a = a.parentElement) {
                               if (getComputedStyle(a).overflowX !== 'visible') { return false; } } return true; })
              .map(e => e.tagName + '.' + e.className + '#' + e.id).slice(0, 5).join(' ')""";

    @Autowired TestTenants tenants;
    @Autowired JdbcClient jdbc;
    @Autowired TagRepository tags;
    @Autowired DataSource dataSource;

    @Test
    void ownerImportsAMessyFileThroughTheWholeWizard() throws IOException {
        Tenant tenant = tenants.create("Wizard Wines");
        tags.findOrCreate(tenant.accountId(), List.of("vip"));
        Page page = newPage();
        signIn(page, tenant.owner().email(), TestTenants.PASSWORD);

        page.navigate("/audience/import");
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Audience"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Import"))).hasAttribute("aria-current", "page");
        assertThat(page.getByText("No imports yet")).isVisible();
        page.getByLabel("Choose file").setInputFiles(MESSY_FILE);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and preview")).click();

        // Step 2: how the file was read, and the columns matched by their messy headers.
        page.waitForURL("**/audience/import/*");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import wizard-messy.csv"))).isVisible();
        assertThat(page.locator("main")).containsText("Read as UTF-8, semicolon separated, about 5 rows.");
        assertThat(page.getByLabel("Imports column Given Name into")).hasValue("field:first_name");
        assertThat(page.getByLabel("Imports column Mobile # into")).hasValue("field:phone");
        assertThat(page.getByLabel("Imports column E-mail Address into")).hasValue("field:email");
        assertThat(page.getByLabel("Imports column Employer into")).hasValue("field:company");
        assertThat(page.getByLabel("Imports column Favourite Colour into")).hasValue("ignore");
        assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("Favourite Colour"))).containsText("Teal, Red, Blue");

        assertThat((List<?>) page.evaluate(UNLABELLED_CONTROLS)).as("unlabelled controls of the mapping step").isEmpty();

        page.getByLabel("Imports column Employer into").selectOption("ignore");
        page.getByLabel("Imports column Favourite Colour into").selectOption("new");
        Locator label = page.locator("#new-attribute-label-5");
        assertThat(label).isFocused();
        assertThat(label).hasValue("Favourite Colour");
        page.locator("#new-attribute-5").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create attribute")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText(
                "Created the attribute Favourite Colour (key favourite_colour); column Favourite Colour fills it.");
        assertThat(page.getByLabel("Imports column Favourite Colour into")).hasValue("attribute:favourite_colour");
        // The other choices survive the round trip.
        assertThat(page.getByLabel("Imports column Employer into")).hasValue("ignore");

        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("vip")).check();
        page.getByLabel("New tags").fill("spring fair, leads");
        assertThat(page.getByLabel("Name of the new list")).hasValue("wizard-messy");
        page.getByLabel("Name of the new list").fill("Spring fair 2026");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Overwrite")).check();
        Locator attest = page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("I confirm that every contact"));
        assertThat(attest).not().isChecked();
        attest.check();

        // Without a phone or email column the import is refused, with the reason, and nothing chosen is lost.
        page.getByLabel("Imports column Mobile # into").selectOption("ignore");
        page.getByLabel("Imports column E-mail Address into").selectOption("ignore");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start import")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Choose which column holds the phone number or the email address");
        assertThat(page.getByLabel("Imports column Favourite Colour into")).hasValue("attribute:favourite_colour");
        assertThat(page.getByLabel("New tags")).hasValue("spring fair, leads");
        assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("vip"))).isChecked();
        assertThat(page.getByLabel("Name of the new list")).hasValue("Spring fair 2026");
        assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Overwrite"))).isChecked();
        assertThat(attest).isChecked();
        assertThat(jdbc.sql("select status from imports where account_id = :a").param("a", tenant.accountId()).query(String.class).single())
                .isEqualTo("uploaded");

        page.getByLabel("Imports column Mobile # into").selectOption("field:phone");
        page.getByLabel("Imports column E-mail Address into").selectOption("field:email");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start import")).click();

        // Step 3: progress until the summary, without reloading.
        Locator summary = page.locator(".import-summary");
        assertThat(summary).hasText("Import of wizard-messy.csv completed: 4 created, 0 updated, 0 skipped, 1 failed.");
        assertThat(page.locator("[data-count=created]")).hasText("4");
        assertThat(page.locator("[data-count=failed]")).hasText("1");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel import"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("5"))).containsText("'call me' is not a phone number");

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download error report")).click());
        assertThat(download.suggestedFilename()).isEqualTo("wizard-messy-errors.csv");
        String report = Files.readString(download.path());
        assertThat(report).isEqualTo("line,reason,row\r\n"
                + "5,\"Phone: 'call me' is not a phone number: it has no digits or has letters\",\"Dev;Patel;call me;;Hooli;Green;no phone\"\r\n");

        long listId = jdbc.sql("select id from lists where account_id = :a and name = 'Spring fair 2026'")
                .param("a", tenant.accountId()).query(Long.class).single();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("View imported contacts")))
                .hasAttribute("href", "/audience/contacts?list=" + listId);
        List<String> contacts = jdbc.sql("""
                        select concat_ws('|', c.first_name, c.last_name, c.phone, c.email, coalesce(c.company, '-'),
                                         c.attributes ->> 'favourite_colour', c.consent_status,
                                         (select string_agg(t.name, ',' order by t.name) from contact_tags ct join tags t on t.id = ct.tag_id
                                          where ct.account_id = c.account_id and ct.contact_id = c.id),
                                         (select count(*) from list_members m where m.account_id = c.account_id and m.contact_id = c.id
                                          and m.list_id = :list))
                        from contacts c where c.account_id = :a order by c.first_name""")
                .param("a", tenant.accountId()).param("list", listId).query(String.class).list();
        assertThat(contacts).containsExactly(
                "Ana|Lima|+12122340601|ana@example.com|-|Teal|opted_in|leads,spring fair,vip|1",
                "Ben|Okafor|+12122340602|-|Red|opted_in|leads,spring fair,vip|1",
                "Chloé|Dubois|chloe@example.com|-|Blue|opted_in|leads,spring fair,vip|1",
                "Eve|Stone|+12122340605|EVE@EXAMPLE.COM|-|Teal|opted_in|leads,spring fair,vip|1");
        assertThat(jdbc.sql("select text from consent_attestations where account_id = :a").param("a", tenant.accountId())
                .query(String.class).single())
                .isEqualTo("I confirm that every contact in this file gave permission to receive text messages from Wizard Wines, "
                        + "and that I can show when and how each of them gave it.");

        page.navigate("/audience/import");
        assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("wizard-messy.csv")))
                .containsText(tenant.owner().name());
        assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("wizard-messy.csv"))).containsText("Completed");
    }

    @Test
    void theProgressSurvivesAReloadAndReachesTheSummaryLive() throws Exception {
        Tenant tenant = tenants.create("Reload Roasters");
        Path file = Files.createTempFile("thousand", ".csv");
        StringBuilder rows = new StringBuilder("First name,Phone\n");
        for (int i = 1; i <= 1000; i++) {
            rows.append("Person ").append(i).append(",212234").append(String.format("%04d", i)).append('\n');
        }
        Files.writeString(file, rows);
        Page page = newPage();
        // A phone's width: neither the mapping nor the progress step scrolls sideways.
        page.setViewportSize(375, 740);
        signIn(page, tenant.owner().email(), TestTenants.PASSWORD);
        page.navigate("/audience/import");
        page.getByLabel("Choose file").setInputFiles(file);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and preview")).click();
        page.waitForURL("**/audience/import/*");
        assertThat(((Number) page.evaluate(SIDEWAYS_OVERFLOW)).intValue()).as("sideways overflow of the mapping step: " + page.evaluate(WIDE_ELEMENTS)).isLessThanOrEqualTo(0);

        // A teammate's unfinished transaction holds the phone of row 700 (the fourth batch): the
        // import commits three batches, then waits for it, so the page shows a running import.
        try (Connection teammate = dataSource.getConnection()) {
            teammate.setAutoCommit(false);
            try (PreparedStatement insert = teammate.prepareStatement(
                    "insert into contacts (account_id, phone, source) values (?, '+12122340700', 'manual')")) {
                insert.setLong(1, tenant.accountId());
                insert.executeUpdate();
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start import")).click();
            assertThat(page.locator("[data-count=created]")).hasText("600");
            assertThat(page.locator(".import-rows")).hasText("600 rows read of about 1,000");

            page.reload();
            assertThat(page.locator(".import-status")).hasText("Importing");
            assertThat(page.locator("[data-count=created]")).hasText("600");
            assertThat(page.getByLabel("Import progress")).hasAttribute("value", "60");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel import"))).isVisible();
            assertThat(((Number) page.evaluate(SIDEWAYS_OVERFLOW)).intValue()).as("sideways overflow of the progress step: " + page.evaluate(WIDE_ELEMENTS)).isLessThanOrEqualTo(0);

            teammate.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(page.locator(".import-summary")).hasText("Import of " + file.getFileName() + " completed: 1,000 created, 0 updated, 0 skipped, 0 failed.");
        assertThat(page.getByLabel("Import progress")).hasAttribute("value", "100");
        Files.delete(file);
    }

    @Test
    void cancellingARunningImportKeepsTheRowsImportedSoFar() throws Exception {
        Tenant tenant = tenants.create("Cancel Creamery");
        Path file = Files.createTempFile("cancel", ".csv");
        StringBuilder rows = new StringBuilder("Name,Mobile\n");
        for (int i = 1; i <= 1000; i++) {
            rows.append("Client ").append(i).append(",212234").append(String.format("%04d", i)).append('\n');
        }
        Files.writeString(file, rows);
        Page page = newPage();
        signIn(page, tenant.owner().email(), TestTenants.PASSWORD);
        page.navigate("/audience/import");
        page.getByLabel("Choose file").setInputFiles(file);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and preview")).click();
        page.waitForURL("**/audience/import/*");
        List<String> questions = new java.util.ArrayList<>();
        page.onDialog(dialog -> {
            questions.add(dialog.message());
            dialog.accept();
        });

        try (Connection teammate = dataSource.getConnection()) {
            teammate.setAutoCommit(false);
            try (PreparedStatement insert = teammate.prepareStatement(
                    "insert into contacts (account_id, phone, source) values (?, '+12122340700', 'manual')")) {
                insert.setLong(1, tenant.accountId());
                insert.executeUpdate();
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start import")).click();
            assertThat(page.locator("[data-count=created]")).hasText("600");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel import")).click();
            assertThat(page.getByRole(AriaRole.STATUS).first())
                    .hasText("Cancelling the import. Contacts imported so far stay; no more rows are imported.");
            teammate.rollback();
        }

        assertThat(page.locator(".import-summary")).hasText("Import of " + file.getFileName() + " was cancelled: 600 created, 0 updated, 0 skipped, 0 failed.");
        assertThat(page.getByText("Contacts imported before the cancel stay; no more rows were imported.")).isVisible();
        assertThat(questions).containsExactly("Cancel this import? Contacts imported so far stay; no more rows are imported.");
        assertThat(jdbc.sql("select count(*) from contacts where account_id = :a").param("a", tenant.accountId()).query(Long.class).single())
                .isEqualTo(600);
        Files.delete(file);
    }
}
