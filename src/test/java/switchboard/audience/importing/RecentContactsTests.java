package switchboard.audience.importing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecentContactsTests {

    private static StagedContact staged(String phone, String email) {
        return new StagedContact(new ContactRow(new SourceRow(2, new String[0]), phone, email, null, null, null, null), ',');
    }

    private static List<String> rows(KnownMatches known) {
        String text = new String(known.copyRows(), StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    @Test
    void keepsWhatTheMatchFoundAndProbesNothingWhenNoBatchCommittedSince() {
        RecentContacts recent = new RecentContacts();
        recent.committed(1, List.of(staged("+12122340101", "ann@example.com")));
        BatchMatches matches = new BatchMatches(2);
        matches.put(1, 42, 0);

        KnownMatches known = recent.known(List.of(staged("+12122340101", "ann@example.com"), staged("+12122340199", "bo@example.com")),
                matches, 1);

        assertThat(rows(known)).containsExactly("1\t42\t\\N\tf\tf");
    }

    @Test
    void probesPhonesAndEmailsThatBatchesMergedAfterTheMatchLooked() {
        RecentContacts recent = new RecentContacts();
        recent.committed(1, List.of(staged("+12122340101", null)));
        recent.committed(2, List.of(staged(null, "ann@example.com")));
        recent.committed(3, List.of(staged("+12122340103", null)));
        BatchMatches matches = new BatchMatches(4);
        matches.put(3, 0, 77);

        KnownMatches known = recent.known(List.of(
                staged("+12122340101", "ANN@Example.com"),
                staged("+12122340103", null),
                staged("+12122340104", "zed@example.com"),
                staged(null, "eve@example.com")), matches, 1);

        assertThat(rows(known)).containsExactly("0\t\\N\t\\N\tf\tt", "1\t\\N\t\\N\tt\tf", "3\t\\N\t77\tf\tf");
    }

    @Test
    void leavesEmailsJavaCannotCompareLikeTheDatabaseToTheMerge() {
        KnownMatches known = new RecentContacts().known(List.of(staged(null, "JÖRG@example.com")), new BatchMatches(1), 0);

        assertThat(rows(known)).containsExactly("0\t\\N\t\\N\tf\tt");
        assertThat(RecentContacts.comparableEmail("Ann@Example.COM")).isEqualTo("ann@example.com");
        assertThat(RecentContacts.comparableEmail("jörg@example.com")).isNull();
    }

    @Test
    void aMatchOlderThanTheBatchesItHoldsIsNotTrusted() {
        RecentContacts recent = new RecentContacts();
        for (long batch = 1; batch <= RecentContacts.BATCHES + 1; batch++) {
            recent.committed(batch, List.of(staged("+1212234010" + batch, null)));
        }
        List<StagedContact> next = List.of(staged("+12122340109", null));

        assertThat(recent.known(next, new BatchMatches(1), 0)).isNull();
        assertThat(recent.known(next, new BatchMatches(1), 1)).isNotNull();
    }
}
