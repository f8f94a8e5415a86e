package switchboard.audience.importing;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ImportKeysTests {

    private static StagedContact staged(String phone, String email) {
        return new StagedContact(new ContactRow(new SourceRow(2, new String[0]), phone, email, null, null, null, null), ',');
    }

    @Test
    void aStoredPhoneOrEmailMayMatchWhateverTheEmailsCase() {
        ImportKeys keys = new ImportKeys(1_000);
        keys.addStored("+12122340101", "ann@example.com");

        assertThat(keys.mayMatch(staged("+12122340101", null))).isTrue();
        assertThat(keys.mayMatch(staged(null, "Ann@Example.com"))).isTrue();
        assertThat(keys.mayMatch(staged("+12122340199", "ANN@EXAMPLE.COM"))).isTrue();
    }

    @Test
    void keysOfAnEarlierBatchMayMatch() {
        ImportKeys keys = new ImportKeys(1_000);
        keys.add(staged("+12122340102", "Bo@Example.com"));

        assertThat(keys.mayMatch(staged("+12122340102", null))).isTrue();
        assertThat(keys.mayMatch(staged(null, "bo@example.com"))).isTrue();
    }

    @Test
    void unseenKeysAlmostNeverMayMatch() {
        ImportKeys keys = new ImportKeys(20_000);
        IntStream.range(0, 10_000).forEach(i -> keys.addStored("+1212%07d".formatted(i), "stored" + i + "@example.com"));

        long maybe = IntStream.range(10_000, 20_000)
                .filter(i -> keys.mayMatch(staged("+1212%07d".formatted(i), "new" + i + "@example.com"))).count();

        // Two keys per row at about 1% false positives each.
        assertThat(maybe).isLessThan(400);
    }

    @Test
    void anEmailJavaCannotLowerCaseAsTheDatabaseDoesIsAlwaysProbed() {
        ImportKeys keys = new ImportKeys(1_000);

        assertThat(keys.mayMatch(staged(null, "zoë@example.com"))).isTrue();
        assertThat(keys.mayMatch(staged("+12122340103", null))).isFalse();
    }
}
