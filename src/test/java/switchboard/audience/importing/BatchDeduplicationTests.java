package switchboard.audience.importing;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BatchDeduplicationTests {

    private static ContactRow row(long line, String phone, String email, String first, String company) {
        return new ContactRow(new SourceRow(line, new String[]{String.valueOf(phone), String.valueOf(email)}), phone, email, first, null,
                company, null);
    }

    @Test
    void mergesRowsWithTheSamePhoneOrEmailIntoTheFirst() {
        BatchDeduplication batch = new BatchDeduplication(DuplicatePolicy.UPDATE_EMPTY, ',');
        batch.add(row(2, "+12122340101", null, "Ann", null));
        batch.add(row(3, "+12122340101", "ann@example.com", "Annie", "Acme"));
        batch.add(row(4, null, "ANN@example.com", null, "Other"));

        assertThat(batch.contacts()).hasSize(1);
        StagedContact ann = batch.contacts().getFirst();
        assertThat(ann.firstName).isEqualTo("Ann");
        assertThat(ann.email).isEqualTo("ann@example.com");
        assertThat(ann.company).isEqualTo("Acme");
        assertThat(ann.mergedChanged).isEqualTo(1);
        assertThat(ann.mergedUnchanged).isEqualTo(1);
        assertThat(batch.rejected()).isEmpty();
    }

    @Test
    void overwritePolicyLetsLaterRowsWinButNeverWithEmptyCells() {
        BatchDeduplication batch = new BatchDeduplication(DuplicatePolicy.OVERWRITE, ',');
        batch.add(new ContactRow(new SourceRow(2, new String[0]), "+12122340101", null, "Ann", null, "Acme", Map.of("city", "\"Austin\"")));
        batch.add(new ContactRow(new SourceRow(3, new String[0]), "+12122340101", null, "Annie", null, null, Map.of("tier", "\"gold\"")));

        StagedContact ann = batch.contacts().getFirst();
        assertThat(ann.firstName).isEqualTo("Annie");
        assertThat(ann.company).isEqualTo("Acme");
        assertThat(ann.attributesJson()).isEqualTo("{\"city\":\"Austin\",\"tier\":\"gold\"}");
    }

    @Test
    void aRowWhosePhoneAndEmailBelongToTwoContactsIsAConflict() {
        BatchDeduplication batch = new BatchDeduplication(DuplicatePolicy.UPDATE_EMPTY, ',');
        batch.add(row(2, "+12122340101", "eve@example.com", "Eve", null));
        batch.add(row(3, "+12122340102", "finn@example.com", "Finn", null));
        batch.add(row(4, "+12122340101", "finn@example.com", "Mixed", null));

        assertThat(batch.contacts()).hasSize(2);
        assertThat(batch.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.line()).isEqualTo(4);
            assertThat(rejected.reason()).contains("line 2").contains("line 3").contains("not merged");
        });
    }

    @Test
    void skipPolicyKeepsTheFirstRowAsItIs() {
        BatchDeduplication batch = new BatchDeduplication(DuplicatePolicy.SKIP, ',');
        batch.add(row(2, "+12122340101", null, "Ann", null));
        batch.add(row(3, "+12122340101", null, "Annie", "Acme"));

        assertThat(batch.contacts().getFirst().firstName).isEqualTo("Ann");
        assertThat(batch.contacts().getFirst().company).isNull();
        assertThat(batch.contacts().getFirst().mergedUnchanged).isEqualTo(1);
    }

    @Test
    void theErrorReportShowsTheRowAsDelimitedTextAgain() {
        SourceRow row = new SourceRow(7, new String[]{"Smith, Jr.", "say \"hi\"", "two\nlines", "plain"});
        assertThat(row.text(',')).isEqualTo("\"Smith, Jr.\",\"say \"\"hi\"\"\",\"two\nlines\",plain");
    }
}
