package switchboard.audience.importing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecentContactsTests {

    private static StagedContact staged(long line, String phone, String email) {
        return new StagedContact(new ContactRow(new SourceRow(line, new String[0]), phone, email, null, null, null, null), ',');
    }

    private static List<String> rows(KnownMatches known) {
        String text = new String(known.copyRows(), StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static RecentContacts.Keys keys(long id, String phone, String emailKey) {
        RecentContacts.Keys keys = new RecentContacts.Keys();
        keys.add(id, phone, emailKey);
        return keys;
    }

    @Test
    void keepsWhatTheMatchFoundWhenNoBatchCommittedSince() {
        RecentContacts recent = new RecentContacts();
        recent.committed(1, keys(7, "+12122340101", "ann@example.com"));
        BatchMatches matches = new BatchMatches(2);
        matches.put(1, 42, 0);

        KnownMatches known = recent.known(List.of(staged(2, "+12122340101", null), staged(3, "+12122340199", "bo@example.com")), matches, 1);

        assertThat(rows(known)).containsExactly("1\t42\t\\N\tf");
    }

    @Test
    void takesPhonesAndEmailsThatBatchesCommittedAfterTheMatchLookedNewestFirst() {
        RecentContacts recent = new RecentContacts();
        recent.committed(1, keys(7, "+12122340101", null));
        recent.committed(2, keys(8, null, "ann@example.com"));
        recent.committed(3, keys(9, "+12122340101", null));
        BatchMatches matches = new BatchMatches(3);

        KnownMatches known = recent.known(List.of(
                staged(2, "+12122340101", "ANN@Example.com"),
                staged(3, "+12122340102", null),
                staged(4, null, "zed@example.com")), matches, 1);

        assertThat(rows(known)).containsExactly("0\t9\t8\tf");
    }

    @Test
    void leavesEmailsJavaCannotCompareLikeTheDatabaseToTheMerge() {
        RecentContacts recent = new RecentContacts();
        BatchMatches matches = new BatchMatches(1);

        KnownMatches known = recent.known(List.of(staged(2, null, "JÖRG@example.com")), matches, 0);

        assertThat(rows(known)).containsExactly("0\t\\N\t\\N\tt");
        assertThat(RecentContacts.comparableEmail("Ann@Example.COM")).isEqualTo("ann@example.com");
        assertThat(RecentContacts.comparableEmail("jörg@example.com")).isNull();
    }

    @Test
    void aMatchOlderThanTheBatchesItHoldsIsNotTrusted() {
        RecentContacts recent = new RecentContacts();
        for (long batch = 1; batch <= RecentContacts.BATCHES + 1; batch++) {
            recent.committed(batch, keys(batch, "+1212234010" + batch, null));
        }
        BatchMatches matches = new BatchMatches(1);

        assertThat(recent.known(List.of(staged(2, "+12122340101", null)), matches, 0)).isNull();
        assertThat(recent.known(List.of(staged(2, "+12122340102", null)), matches, 1)).isNotNull();
    }
}
