package switchboard.audience.contact;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import switchboard.audience.ContactView;
import switchboard.audience.attribute.AttributeDefinitionRepository;
import switchboard.audience.attribute.AttributeType;
import switchboard.audience.filter.SqlCondition;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

@SwitchboardTest
class ContactExportIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Contacts contacts;

    @Autowired
    AttributeDefinitionRepository attributes;

    @Autowired
    ContactExportRepository exportRows;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void formulasAreNeutralizedAndOnlyTheChosenColumnsOfTheFilteredContactsAreWritten() throws IOException {
        Tenant tenant = tenants.create("Export Exchange");
        attributes.create(tenant.accountId(), "tier", "Tier", AttributeType.TEXT, List.of());
        contacts.create(tenant.owner(), new ContactForm("=HYPERLINK(\"http://evil\")", "-Minus", "+1 212 234 0150", "-dash@example.com",
                "@Company", Map.of("tier", "+Gold"), List.of("VIP", "Export"), List.of("Leads")), Contacts.Source.MANUAL);
        contacts.create(tenant.owner(), new ContactForm("Plain", "Person", "", "plain@example.com", "Plain Co", Map.of(),
                List.of("Export"), List.of()), Contacts.Source.MANUAL);
        contacts.create(tenant.owner(), new ContactForm("Left", "Out", "", "left@example.com", "", Map.of(), List.of(), List.of()),
                Contacts.Source.MANUAL);
        long export = jdbc.sql("select id from tags where account_id = :a and name = 'Export'").param("a", tenant.accountId())
                .query(Long.class).single();
        Browserless browser = new Browserless(port);
        browser.signIn(tenant.owner().email(), TestTenants.PASSWORD);

        HttpResponse<String> response = browser.get("/audience/contacts/export.csv?tag=" + export
                + "&columns=first_name&columns=last_name&columns=phone&columns=email&columns=company&columns=tags&columns=lists&columns=attributes.tier");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).contains("attachment", ".csv"));
        assertThat(response.body()).startsWith("\uFEFF");
        assertThat(ContactExport.neutralized("\tcmd")).as("tabs and carriage returns count as formula starts too").isEqualTo("'\tcmd");
        assertThat(ContactExport.neutralized("\r=1")).isEqualTo("'\r=1");
        assertThat(ContactExport.neutralized("-12.5")).as("a plain number runs nothing and stays a number").isEqualTo("-12.5");
        assertThat(ContactExport.neutralized("-2+3")).as("arithmetic is a formula").isEqualTo("'-2+3");

        List<List<String>> rows = parse(response.body().substring(1));
        assertThat(rows).containsExactly(
                List.of("First name", "Last name", "Phone", "Email", "Company", "Tags", "Lists", "Tier"),
                List.of("'=HYPERLINK(\"http://evil\")", "'-Minus", "+12122340150", "'-dash@example.com", "'@Company", "Export, VIP", "Leads", "'+Gold"),
                List.of("Plain", "Person", "", "plain@example.com", "Plain Co", "Export", "", ""));
    }

    @Test
    void theDefaultColumnsAreUsedWhenNoneAreChosenAndTheExportPageOffersAllOfThem() {
        Tenant tenant = tenants.create("Default Drapers");
        attributes.create(tenant.accountId(), "vip_since", "VIP since", AttributeType.DATE, List.of());
        ContactView one = contacts.create(tenant.owner(), new ContactForm("Una", "", "", "una@example.com", "", Map.of("vip_since", "2024-01-02"),
                List.of(), List.of()), Contacts.Source.MANUAL);
        contacts.create(tenant.owner(), new ContactForm("Vic", "", "", "vic@example.com", "", Map.of(), List.of(), List.of()), Contacts.Source.MANUAL);
        Browserless browser = new Browserless(port);
        browser.signIn(tenant.owner().email(), TestTenants.PASSWORD);

        assertThat(browser.get("/audience/contacts/export?ids=" + one.id()).body()).contains("Export 1 contact", "VIP since", "Created");
        List<List<String>> rows = parse(browser.get("/audience/contacts/export.csv?ids=" + one.id()).body().substring(1));
        assertThat(rows.getFirst()).containsExactly("First name", "Last name", "Phone", "Email", "Company", "Tags", "Lists", "SMS consent", "VIP since");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).contains("Una", "unknown", "2024-01-02");
        assertThat(browser.get("/audience/contacts/export.csv?columns=password").statusCode()).isEqualTo(400);
    }

    @Test
    void twentyThousandContactsStreamFromACursorToAChunkedResponse() throws Exception {
        Tenant tenant = tenants.create("Streaming Stationers");
        jdbc.sql("""
                        insert into contacts (account_id, first_name, last_name, email, source)
                        select :a, 'First' || g, '=Last' || g, 'stream' || g || '@example.com', 'import' from generate_series(1, 20000) g""")
                .param("a", tenant.accountId()).update();

        // Rows reach the consumer while the database is still producing them: a probe column draws
        // from a sequence per row produced, and sequences are not transactional, so at the first
        // row it shows how many rows the server has made so far (about one fetch, not all 20,000).
        jdbc.sql("create sequence if not exists export_probe").update();
        jdbc.sql("alter sequence export_probe restart").update();
        ExportColumn probe = new ExportColumn("probe", "Probe", "nextval('export_probe')::text", null);
        AtomicLong producedAtFirstRow = new AtomicLong(-1);
        AtomicInteger seen = new AtomicInteger();
        transactions.executeWithoutResult(tx -> exportRows.stream(tenant.accountId(), SqlCondition.ALWAYS, List.of(probe), "UTC", values -> {
            if (seen.getAndIncrement() == 0) {
                producedAtFirstRow.set(jdbc.sql("select last_value from export_probe").query(Long.class).single());
            }
        }));
        assertThat(seen.get()).isEqualTo(20_000);
        assertThat(producedAtFirstRow.get()).as("rows produced when the first is handled").isBetween(1L, (long) ContactExportRepository.FETCH_SIZE);

        Browserless browser = new Browserless(port);
        browser.signIn(tenant.owner().email(), TestTenants.PASSWORD);
        HttpClient http = HttpClient.newBuilder().cookieHandler(browser.cookies()).build();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/audience/contacts/export.csv?columns=first_name&columns=last_name")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).as("streamed, so its length is not known up front").isEmpty();
        long lines = 0;
        String last = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                last = line;
            }
        }
        assertThat(lines).isEqualTo(20_001);
        assertThat(last).isEqualTo("First20000,'=Last20000");
    }

    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        for (CsvRecord record : CsvReader.builder().ofCsvRecord(csv)) {
            rows.add(record.getFields());
        }
        return rows;
    }
}
