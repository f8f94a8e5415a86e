package switchboard.audience.importing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import switchboard.audience.Audience;
import switchboard.audience.ConsentStatus;
import switchboard.audience.ContactView;
import switchboard.audience.attribute.AttributeDefinitionRepository;
import switchboard.audience.attribute.AttributeType;
import switchboard.audience.list.ListRepository;
import switchboard.audience.tag.TagRepository;
import switchboard.compliance.Compliance;
import switchboard.platform.web.NotFoundException;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The import engine end to end on the real database: each edge case of issue 8 is a fixture
 * file under src/test/resources/imports/. Small batches (200 rows) so that the multi-batch
 * paths (checkpoint, cancel, resume) run on small files too.
 */
@SwitchboardTest
@TestPropertySource(properties = {"switchboard.imports.batch-rows=200", "switchboard.imports.poll-interval=200ms"})
class ImportIntegrationTests {

    private static final String ATTESTATION = "Every contact in this file asked us to text them (signup form, 2026).";

    @Autowired Imports imports;
    @Autowired TestTenants tenants;
    @Autowired Audience audience;
    @Autowired Compliance compliance;
    @Autowired JdbcClient jdbc;
    @Autowired AttributeDefinitionRepository attributes;
    @Autowired ListRepository lists;
    @Autowired TagRepository tags;
    @Autowired switchboard.audience.list.Lists listService;
    @Autowired switchboard.audience.tag.Tags tagService;
    @Autowired ImportRepository importRows;
    @Autowired ImportWorker worker;

    TestTenants.Tenant tenant;

    @BeforeEach
    void newAccount() {
        tenant = tenants.create("Importer");
    }

    @Test
    void importsUtf8FileWithBomAndQuotedDelimiters() {
        ImportPreview preview = preview("utf8-bom.csv");
        assertThat(preview.encoding()).isEqualTo("UTF-8 with BOM");
        assertThat(preview.delimiter()).isEqualTo("comma");
        assertThat(preview.headers()).containsExactly("First Name", "Last Name", "Phone Number", "E-mail", "Company Name");
        assertThat(preview.rows()).hasSize(2);
        assertThat(preview.detectedMapping().codes()).containsExactly("field:first_name", "field:last_name", "field:phone", "field:email", "field:company");

        ImportProgress done = run(preview, DuplicatePolicy.UPDATE_EMPTY);

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.created()).isEqualTo(2);
        ContactView zoe = byPhone("+12122340101");
        assertThat(zoe.firstName()).isEqualTo("Zoë");
        assertThat(zoe.lastName()).isEqualTo("Müller");
        assertThat(zoe.email()).isEqualTo("zoe@example.com");
        assertThat(byPhone("+12122340102").company()).isEqualTo("Smith, Jones & Co");
    }

    @Test
    void importsUtf16LittleEndianTabSeparatedText() {
        ImportPreview preview = preview("utf16le-bom.txt");
        assertThat(preview.encoding()).isEqualTo("UTF-16LE with BOM");
        assertThat(preview.delimiter()).isEqualTo("tab");

        assertThat(run(preview, DuplicatePolicy.UPDATE_EMPTY).created()).isEqualTo(2);
        assertThat(byPhone("+442079460958").firstName()).isEqualTo("李");
        assertThat(byPhone("+12122340201").lastName()).isEqualTo("Müller");
    }

    @Test
    void importsUtf16BigEndianFileWithShortHeaderNames() {
        ImportPreview preview = preview("utf16be-bom.csv");
        assertThat(preview.encoding()).isEqualTo("UTF-16BE with BOM");
        assertThat(preview.detectedMapping().codes()).containsExactly("field:first_name", "field:last_name", "field:phone");

        run(preview, DuplicatePolicy.UPDATE_EMPTY);

        assertThat(byPhone("+12122340301").firstName()).isEqualTo("Åsa");
    }

    @Test
    void readsWindows1252SemicolonSeparatedFile() {
        ImportPreview preview = preview("windows-1252-semicolon.csv");
        assertThat(preview.encoding()).isEqualTo("Windows-1252");
        assertThat(preview.delimiter()).isEqualTo("semicolon");

        run(preview, DuplicatePolicy.UPDATE_EMPTY);

        assertThat(byPhone("+12122340401").firstName()).isEqualTo("Renée");
        assertThat(byPhone("+12122340401").company()).isEqualTo("Café Société");
        assertThat(byPhone("+12122340402").lastName()).isEqualTo("Weiß");
    }

    @Test
    void readsPipeSeparatedFileWithAPipeInsideQuotes() {
        ImportPreview preview = preview("pipe.txt");
        assertThat(preview.delimiter()).isEqualTo("pipe");

        run(preview, DuplicatePolicy.UPDATE_EMPTY);

        assertThat(byPhone("+12122340502").lastName()).isEqualTo("Kim|Park");
    }

    @Test
    void importsTabSeparatedFileWithFullNamesAndACustomAttribute() {
        attributes.create(tenant.accountId(), "city", "City", AttributeType.TEXT, List.of());
        ImportPreview preview = preview("tab.tsv");
        assertThat(preview.delimiter()).isEqualTo("tab");
        assertThat(preview.detectedMapping().codes()).containsExactly("field:full_name", "field:phone", "field:email", "attribute:city");

        run(preview, DuplicatePolicy.UPDATE_EMPTY);

        ContactView john = byPhone("+12122340601");
        assertThat(john.firstName()).isEqualTo("John");
        assertThat(john.lastName()).isEqualTo("Smith");
        assertThat(john.attributes()).containsEntry("city", "Austin");
        assertThat(byPhone("+12122340602").firstName()).isEqualTo("Jane");
    }

    @Test
    void keepsQuotesDelimitersAndNewlinesInsideQuotedFields() {
        ImportPreview preview = preview("quoted-newlines.csv");

        ImportProgress done = run(preview, DuplicatePolicy.UPDATE_EMPTY);

        assertThat(done.created()).isEqualTo(2);
        ContactView molly = byPhone("+12122340701");
        assertThat(molly.firstName()).isEqualTo("Mary \"Molly\"");
        assertThat(molly.lastName()).isEqualTo("O'Neil");
        assertThat(molly.company()).isEqualTo("Line one\nline two, with comma");
        assertThat(byPhone("+12122340702").lastName()).isEqualTo("Baker, Jr.");
        assertThat(byPhone("+12122340702").company()).isEqualTo("He said \"hi\"");
    }

    @Test
    void reportsRaggedRowsAndImportsTheOthers() {
        ImportProgress done = run(preview("ragged-rows.csv"), DuplicatePolicy.UPDATE_EMPTY);

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.created()).isEqualTo(2);
        assertThat(done.failed()).isEqualTo(2);
        List<RejectedRow> errors = imports.errors(tenant.accountId(), done.importId(), 10);
        assertThat(errors).extracting(RejectedRow::line).containsExactly(3L, 4L);
        assertThat(errors.get(0).reason()).startsWith("The row has 3 fields, the header has 4");
        assertThat(errors.get(0).text()).isEqualTo("Too,Few,2122340802");
        assertThat(errors.get(1).reason()).startsWith("The row has 5 fields, the header has 4");
    }

    @Test
    void skipsBlankLinesAndRowsOfEmptyCells() {
        ImportProgress done = run(preview("blank-lines.csv"), DuplicatePolicy.UPDATE_EMPTY);

        assertThat(done.rowsRead()).isEqualTo(2);
        assertThat(done.created()).isEqualTo(2);
        assertThat(done.failed()).isZero();
    }

    @Test
    void aQuoteThatNeverClosesIsReportedWithEverythingItSwallowed() {
        ImportProgress done = run(preview("unclosed-quote.csv"), DuplicatePolicy.UPDATE_EMPTY);

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.created()).isEqualTo(2);
        assertThat(done.failed()).isEqualTo(1);
        assertThat(imports.errors(tenant.accountId(), done.importId(), 10)).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(4);
            assertThat(error.reason()).contains("an unclosed quote?");
            assertThat(error.text()).contains("Dan,2122341404");
        });
    }

    @Test
    void mergesRowsOfTheSameContactInsideTheFile() {
        ImportProgress done = run(preview("duplicates-in-file.csv"), DuplicatePolicy.UPDATE_EMPTY);

        assertThat(done.rowsRead()).isEqualTo(4);
        assertThat(done.created()).isEqualTo(2);
        assertThat(done.updated()).isEqualTo(1);
        assertThat(done.skipped()).isEqualTo(1);
        ContactView carl = byPhone("+12122341001");
        assertThat(carl.email()).isEqualTo("carl@example.com");
        assertThat(carl.lastName()).isEqualTo("Cole");
        assertThat(carl.company()).isEqualTo("Cole Inc");
        assertThat(contactCount()).isEqualTo(2);
    }

    @Test
    void reportsARowWhosePhoneAndEmailBelongToDifferentContactsAsAConflict() {
        ImportProgress done = run(preview("conflict.csv"), DuplicatePolicy.UPDATE_EMPTY);

        assertThat(done.created()).isEqualTo(3);
        assertThat(done.failed()).isEqualTo(1);
        assertThat(imports.errors(tenant.accountId(), done.importId(), 10)).singleElement()
                .satisfies(error -> {
                    assertThat(error.line()).isEqualTo(4);
                    assertThat(error.reason()).startsWith("Conflict");
                    assertThat(error.text()).isEqualTo("Mixed,2122341101,finn@example.com");
                });
        assertThat(byPhone("+12122341101").email()).isEqualTo("eve@example.com");
        assertThat(byPhone("+12122341102").email()).isEqualTo("finn@example.com");
    }

    @Test
    void reportsAConflictWithContactsAlreadyStored() {
        run(preview("conflict.csv"), DuplicatePolicy.UPDATE_EMPTY);

        ImportProgress second = run(upload("again.csv", "Phone,Email\n(212) 234-1102,eve@example.com\n"), DuplicatePolicy.OVERWRITE);

        assertThat(second.failed()).isEqualTo(1);
        assertThat(imports.errors(tenant.accountId(), second.importId(), 10)).singleElement()
                .satisfies(error -> assertThat(error.reason()).startsWith("Conflict: the phone belongs to contact #"));
        assertThat(byPhone("+12122341102").email()).isEqualTo("finn@example.com");
    }

    @Test
    void rejectsInvalidPhonesEmailsAndRowsWithNeitherSayingWhy() throws IOException {
        ImportProgress done = run(preview("invalid-phone.csv"), DuplicatePolicy.UPDATE_EMPTY);

        assertThat(done.created()).isEqualTo(2);
        assertThat(done.failed()).isEqualTo(4);
        List<RejectedRow> errors = imports.errors(tenant.accountId(), done.importId(), 10);
        assertThat(errors).extracting(RejectedRow::line).containsExactly(3L, 4L, 5L, 6L);
        assertThat(errors.get(0).reason()).isEqualTo("Phone: '555-123' is not a valid phone number for country US (add the country code, e.g. +44)");
        assertThat(errors.get(1).reason()).startsWith("Phone: 'call me' is not a phone number");
        assertThat(errors.get(2).reason()).isEqualTo("The row has neither a phone number nor an email address");
        assertThat(errors.get(3).reason()).isEqualTo("Email: 'not-an-email' is not an email address");
        assertThat(audience.contactByEmail(tenant.accountId(), "EMAILONLY@example.com")).isPresent();

        StringWriter report = new StringWriter();
        imports.writeErrorReport(tenant.accountId(), done.importId(), report);
        assertThat(report.toString()).startsWith("line,reason,row\r\n3,\"Phone: '555-123' is not a valid phone number")
                .contains("\r\n4,").contains("\"Short,555-123,short@example.com\"");
    }

    @Test
    void updateEmptyFillsOnlyEmptyAttributesOfExistingContacts() {
        run(preview("existing-first.csv"), DuplicatePolicy.UPDATE_EMPTY);

        ImportProgress second = run(preview("existing-second.csv"), DuplicatePolicy.UPDATE_EMPTY);

        assertThat(second.created()).isZero();
        assertThat(second.updated()).isEqualTo(3);
        ContactView hank = byPhone("+12122341301");
        assertThat(hank.firstName()).isEqualTo("Hank");
        assertThat(hank.lastName()).isEqualTo("Hill");
        assertThat(hank.company()).isEqualTo("Old Co");
        ContactView iris = byPhone("+12122341302");
        assertThat(iris.lastName()).isEqualTo("Ives");
        assertThat(iris.email()).isEqualTo("iris@example.com");
        assertThat(iris.company()).isEqualTo("Iris LLC");
        assertThat(contactCount()).isEqualTo(2);
    }

    @Test
    void overwriteReplacesAttributesWithTheFilesNonEmptyValues() {
        run(preview("existing-first.csv"), DuplicatePolicy.UPDATE_EMPTY);

        run(preview("existing-second.csv"), DuplicatePolicy.OVERWRITE);

        ContactView hank = byPhone("+12122341301");
        assertThat(hank.firstName()).isEqualTo("Henry");
        assertThat(hank.lastName()).isEqualTo("Hill");
        assertThat(hank.company()).isEqualTo("New Co");
        assertThat(hank.email()).as("an empty cell never erases").isEqualTo("hank@example.com");
        ContactView iris = byPhone("+12122341302");
        assertThat(iris.lastName()).isEqualTo("Irving");
        assertThat(iris.company()).isEqualTo("Iris LLC");
        assertThat(contactCount()).isEqualTo(2);
    }

    @Test
    void skipLeavesExistingContactsAsTheyAreButListsAndTagsThem() {
        run(preview("existing-first.csv"), DuplicatePolicy.UPDATE_EMPTY);

        ImportPreview second = preview("existing-second.csv");
        ImportProgress done = run(second, DuplicatePolicy.SKIP, "Second list", List.of("vip"));

        assertThat(done.rowsRead()).isEqualTo(done.created() + done.updated() + done.skipped() + done.failed());
        assertThat(done.updated()).isZero();
        ContactView hank = byPhone("+12122341301");
        assertThat(hank.firstName()).isEqualTo("Hank");
        assertThat(hank.company()).isEqualTo("Old Co");
        assertThat(tags.namesOf(tenant.accountId(), hank.id())).contains("vip");
        assertThat(lists.namesOf(tenant.accountId(), hank.id())).contains("Second list");
    }

    @Test
    void putsEveryImportedContactOnTheListWithTheChosenTags() {
        ImportProgress done = run(preview("utf8-bom.csv"), DuplicatePolicy.UPDATE_EMPTY, "Leads 2026", List.of("lead", "spring fair"));

        assertThat(lists.memberCount(tenant.accountId(), done.listId())).isEqualTo(2);
        assertThat(tags.namesOf(tenant.accountId(), byPhone("+12122340102").id())).containsExactly("lead", "spring fair");
        assertThat(lists.namesOf(tenant.accountId(), byPhone("+12122340102").id())).containsExactly("Leads 2026");
    }

    @Test
    void contactsImportedOntoATaggedListGetTheListsTags() {
        var customers = listService.findOrCreate(tenant.accountId(), "Customers");
        listService.addTag(tenant.accountId(), customers.id(), tagService.findOrCreate(tenant.accountId(), "customer").id());

        run(preview("utf8-bom.csv"), DuplicatePolicy.UPDATE_EMPTY, "customers", List.of("spring fair"));

        assertThat(tags.namesOf(tenant.accountId(), byPhone("+12122340102").id())).containsExactly("customer", "spring fair");
        assertThat(lists.namesOf(tenant.accountId(), byPhone("+12122340102").id())).containsExactly("Customers");
    }

    @Test
    void recordsTheConsentAttestationForEachContactButNeverOverAnOptOut() {
        run(preview("existing-first.csv"), DuplicatePolicy.UPDATE_EMPTY);
        ContactView hank = byPhone("+12122341301");
        assertThat(hank.consentStatus()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(compliance.consentHistory(tenant.accountId(), hank.id())).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(ConsentStatus.OPTED_IN);
            assertThat(entry.source()).isEqualTo("import");
            assertThat(entry.evidence()).isEqualTo(ATTESTATION);
            assertThat(entry.userId()).isEqualTo(tenant.owner().userId());
            assertThat(entry.importId()).isNotNull();
        });
        jdbc.sql("update contacts set consent_status = 'opted_out' where account_id = :account and id = :id")
                .param("account", tenant.accountId()).param("id", hank.id()).update();

        run(preview("existing-second.csv"), DuplicatePolicy.OVERWRITE);

        assertThat(byPhone("+12122341301").consentStatus()).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(compliance.consentHistory(tenant.accountId(), hank.id())).hasSize(1);
    }

    @Test
    void withoutAnAttestationConsentStaysUnknown() {
        ImportPreview preview = preview("utf8-bom.csv");
        imports.start(tenant.accountId(), preview.importId(), tenant.owner().userId(), preview.detectedMapping(),
                new ImportOptions("No consent", List.of(), DuplicatePolicy.UPDATE_EMPTY, null));
        awaitFinished(preview.importId());

        ContactView zoe = byPhone("+12122340101");
        assertThat(zoe.consentStatus()).isEqualTo(ConsentStatus.UNKNOWN);
        assertThat(compliance.consentHistory(tenant.accountId(), zoe.id())).isEmpty();
    }

    @Test
    void mergesDuplicatesAcrossBatchesAndCountsEveryRowOnce() {
        StringBuilder file = new StringBuilder("Phone,Email,First Name\n");
        for (int i = 0; i < 450; i++) {
            file.append(BenchmarkContacts.phone(i % 300, i % 5)).append(',').append("p").append(i % 300).append("@example.com,P").append(i).append('\n');
        }

        ImportProgress done = run(upload("batches.csv", file.toString()), DuplicatePolicy.UPDATE_EMPTY);

        assertThat(done.rowsRead()).isEqualTo(450);
        assertThat(done.created()).isEqualTo(300);
        assertThat(done.created() + done.updated() + done.skipped() + done.failed()).isEqualTo(450);
        assertThat(contactCount()).isEqualTo(300);
        assertThat(byPhone(switchboard.audience.PhoneNumber.parse(BenchmarkContacts.phone(7, 0), "US").e164()).firstName()).isEqualTo("P7");
    }

    /**
     * Batches are matched ahead while the batch before them merges: what that batch wrote must
     * still count, a conflict included (a phone of a stored contact with an email it just created).
     */
    @Test
    void matchesRowsAgainstContactsTheBatchBeforeCreated() {
        run(upload("stored.csv", "Phone,Email\n(212) 234-1901,stored@example.com\n"), DuplicatePolicy.UPDATE_EMPTY);
        // Batches of 200 rows; the last row of each creates a contact, the next batch's first row
        // has its email and the stored contact's phone: a conflict, whichever batch commits first.
        // (A row the match ahead missed would otherwise be merged into the stored contact.)
        StringBuilder file = new StringBuilder("Phone,Email,First Name\n");
        for (int batch = 0; batch < 3; batch++) {
            int fillers = 199;
            if (batch > 0) {
                file.append("(212) 234-1901,LATE").append(batch - 1).append("@example.com,Mixed\n");
                fillers--;
            }
            for (int i = 0; i < fillers; i++) {
                file.append(BenchmarkContacts.phone(batch * 1000 + i, i % 5)).append(",,Filler\n");
            }
            file.append("(212) 234-18").append(10 + batch).append(",late").append(batch).append("@example.com,Late\n");
        }

        ImportProgress done = run(upload("adjacent.csv", file.toString()), DuplicatePolicy.UPDATE_EMPTY);

        assertThat(done.rowsRead()).isEqualTo(600);
        assertThat(done.created()).isEqualTo(598);
        assertThat(done.failed()).isEqualTo(2);
        assertThat(imports.errors(tenant.accountId(), done.importId(), 10)).extracting(RejectedRow::line).containsExactly(202L, 402L);
        assertThat(imports.errors(tenant.accountId(), done.importId(), 10))
                .allSatisfy(error -> assertThat(error.reason()).startsWith("Conflict: the phone belongs to contact #"));
        assertThat(done.created() + done.updated() + done.skipped() + done.failed()).isEqualTo(600);
        assertThat(byPhone("+12122341810").email()).isEqualTo("late0@example.com");
        assertThat(byPhone("+12122341901").email()).isEqualTo("stored@example.com");
        assertThat(contactCount()).isEqualTo(599);
    }

    /**
     * The reader skips the index probe for rows whose phone and email no contact held when the
     * import began (ImportKeys); a contact someone stores meanwhile must still be found, not
     * duplicated: its row's insert meets the unique index and the batch is merged again.
     */
    @Test
    void aContactStoredByAnotherWriterWhileTheImportRunsIsMergedNotDuplicated() {
        StringBuilder file = new StringBuilder("Phone,Email,First Name\n");
        for (int i = 0; i < 20_000; i++) {
            file.append(BenchmarkContacts.phone(i, i % 5)).append(",,Filler\n");
        }
        file.append("(212) 234-1977,late@example.com,Late\n");
        ImportPreview preview = upload("meanwhile.csv", file.toString());
        imports.start(tenant.accountId(), preview.importId(), tenant.owner().userId(), preview.detectedMapping(),
                new ImportOptions("Meanwhile", List.of(), DuplicatePolicy.UPDATE_EMPTY, null));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> progress(preview.importId()).rowsRead() >= 200);

        long stored = jdbc.sql("""
                        insert into contacts (account_id, phone, email, source) values (:account, '+12122341977', null, 'manual')
                        returning id""").param("account", tenant.accountId()).query(Long.class).single();
        ImportProgress done = awaitFinished(preview.importId());

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.rowsRead()).as("the stored contact came before the last row was read").isEqualTo(20_001);
        assertThat(contactCount()).as("20,000 fillers and the stored contact").isEqualTo(20_001);
        ContactView late = byPhone("+12122341977");
        assertThat(late.id()).isEqualTo(stored);
        assertThat(late.firstName()).isEqualTo("Late");
        assertThat(late.email()).isEqualTo("late@example.com");
        assertThat(done.created()).isEqualTo(20_000);
        assertThat(done.updated()).isEqualTo(1);
    }

    @Test
    void cancellingKeepsWhatWasImportedAndImportsNoMore() {
        StringBuilder file = new StringBuilder("Phone\n");
        for (int i = 0; i < 20_000; i++) {
            file.append(BenchmarkContacts.phone(i, i % 5)).append('\n');
        }
        ImportPreview preview = upload("big.csv", file.toString());
        imports.start(tenant.accountId(), preview.importId(), tenant.owner().userId(), preview.detectedMapping(),
                new ImportOptions("Big", List.of(), DuplicatePolicy.UPDATE_EMPTY, null));
        await().atMost(Duration.ofSeconds(60)).until(() -> progress(preview.importId()).rowsRead() >= 200);

        imports.cancel(tenant.accountId(), preview.importId());
        ImportProgress done = awaitFinished(preview.importId());

        assertThat(done.status()).isEqualTo(ImportStatus.CANCELLED);
        assertThat(done.rowsRead()).isBetween(200L, 19_999L);
        assertThat(contactCount()).isEqualTo(done.created());
        assertThat(lists.memberCount(tenant.accountId(), done.listId())).isEqualTo(done.created());
        assertThat(progress(preview.importId()).rowsRead()).as("nothing more after the summary").isEqualTo(done.rowsRead());
    }

    @Test
    void anImportLeftRunningByADeadNodeIsResumedAfterItsLastCommittedBatch() {
        ImportPreview preview = preview("invalid-phone.csv");
        ImportOptions options = new ImportOptions("Resumed", List.of(), DuplicatePolicy.UPDATE_EMPTY, null);
        long listId = lists.findOrCreate(tenant.accountId(), "Resumed");
        importRows.queue(tenant.accountId(), preview.importId(), preview.detectedMapping(), options, listId, null);
        // As a node that died after committing the batch up to line 3 would have left it.
        jdbc.sql("""
                        update imports set status = 'running', node = 'dead-node', heartbeat_at = now() - interval '1 hour',
                               checkpoint_line = 3, rows_read = 2, created = 1, failed = 1
                        where id = :id""").param("id", preview.importId()).update();

        worker.nudge();
        ImportProgress done = awaitFinished(preview.importId());

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.rowsRead()).isEqualTo(6);
        assertThat(done.created()).isEqualTo(2);
        assertThat(done.failed()).isEqualTo(4);
        assertThat(audience.contactByPhone(tenant.accountId(), switchboard.audience.PhoneNumber.parse("2122341201", "US")))
                .as("line 2 was before the checkpoint: not imported again").isEmpty();
        assertThat(audience.contactByEmail(tenant.accountId(), "emailonly@example.com")).isPresent();
        assertThat(jdbc.sql("select node from imports where id = :id").param("id", preview.importId()).query(String.class).single())
                .isEqualTo(worker.node());
    }

    @Test
    void aResumedImportFirstWritesTheMembershipsItsDeadNodeLeftPending() {
        ImportPreview preview = preview("invalid-phone.csv");
        ImportOptions options = new ImportOptions("Resumed", List.of("resumed"), DuplicatePolicy.UPDATE_EMPTY, ATTESTATION);
        long listId = lists.findOrCreate(tenant.accountId(), "Resumed");
        long attestationId = jdbc.sql("""
                        insert into consent_attestations (account_id, source, import_id, text, user_id, attested_at)
                        values (:account, 'import', :import, :text, :user, now()) returning id""")
                .param("account", tenant.accountId()).param("import", preview.importId()).param("text", ATTESTATION)
                .param("user", tenant.owner().userId()).query(Long.class).single();
        importRows.queue(tenant.accountId(), preview.importId(), preview.detectedMapping(), options, listId, attestationId);
        // The dead node committed the batch to line 3 (its contact and the pending memberships), not the memberships.
        long good = jdbc.sql("""
                        insert into contacts (account_id, first_name, phone, email, consent_status, source, source_import_id)
                        values (:account, 'Good', '+12122341201', 'good@example.com', 'opted_in', 'import', :import) returning id""")
                .param("account", tenant.accountId()).param("import", preview.importId()).query(Long.class).single();
        jdbc.sql("""
                        insert into import_pending_memberships (import_id, last_line, new_contacts, existing_contacts, opted_in_existing)
                        values (:import, 3, array[cast(:good as bigint)], '{}', '{}')""")
                .param("import", preview.importId()).param("good", good).update();
        jdbc.sql("""
                        update imports set status = 'running', node = 'dead-node', heartbeat_at = now() - interval '1 hour',
                               checkpoint_line = 3, rows_read = 2, created = 1, failed = 1
                        where id = :id""").param("id", preview.importId()).update();

        worker.nudge();
        ImportProgress done = awaitFinished(preview.importId());

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(lists.namesOf(tenant.accountId(), good)).containsExactly("Resumed");
        assertThat(tags.namesOf(tenant.accountId(), good)).containsExactly("resumed");
        assertThat(compliance.consentHistory(tenant.accountId(), good)).singleElement()
                .satisfies(entry -> assertThat(entry.evidence()).isEqualTo(ATTESTATION));
        assertThat(lists.memberCount(tenant.accountId(), listId)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from import_pending_memberships where import_id = :id").param("id", preview.importId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anotherAccountsImportIsNotFound() {
        ImportPreview preview = preview("utf8-bom.csv");
        TestTenants.Tenant other = tenants.create("Other business");

        assertThatThrownBy(() -> imports.progress(other.accountId(), preview.importId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> imports.preview(other.accountId(), preview.importId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> imports.cancel(other.accountId(), preview.importId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> imports.start(other.accountId(), preview.importId(), other.owner().userId(), preview.detectedMapping(),
                new ImportOptions("x", List.of(), DuplicatePolicy.SKIP, null))).isInstanceOf(NotFoundException.class);
    }

    private ImportPreview preview(String fixture) {
        try (InputStream in = getClass().getResourceAsStream("/imports/" + fixture)) {
            long id = imports.upload(tenant.accountId(), tenant.owner().userId(), fixture, in);
            return imports.preview(tenant.accountId(), id);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImportPreview upload(String name, String content) {
        long id = imports.upload(tenant.accountId(), tenant.owner().userId(), name,
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        return imports.preview(tenant.accountId(), id);
    }

    private ImportProgress run(ImportPreview preview, DuplicatePolicy policy) {
        return run(preview, policy, "Imported " + preview.importId(), List.of("imported"));
    }

    private ImportProgress run(ImportPreview preview, DuplicatePolicy policy, String list, List<String> tagNames) {
        imports.start(tenant.accountId(), preview.importId(), tenant.owner().userId(), preview.detectedMapping(),
                new ImportOptions(list, tagNames, policy, ATTESTATION));
        return awaitFinished(preview.importId());
    }

    private ImportProgress awaitFinished(long importId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> progress(importId), p -> p.status().finished());
    }

    private ImportProgress progress(long importId) {
        return imports.progress(tenant.accountId(), importId);
    }

    private ContactView byPhone(String e164) {
        return audience.contactByPhone(tenant.accountId(), new switchboard.audience.PhoneNumber(e164)).orElseThrow();
    }

    private long contactCount() {
        return jdbc.sql("select count(*) from contacts where account_id = :account").param("account", tenant.accountId())
                .query(Long.class).single();
    }
}
