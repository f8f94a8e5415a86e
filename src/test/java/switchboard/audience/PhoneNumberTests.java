package switchboard.audience;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTests {

    @ParameterizedTest
    @ValueSource(strings = {"(212) 234-0101", "212.234.0101", "+1 212 234 0101", "2122340101", "1-212-234-0101", " 212 234 0101 ", "+1 (212) 234-0101"})
    void readsTheUsualWaysOfWritingAnAmericanNumberWithTheAccountsCountry(String written) {
        assertThat(PhoneNumber.parse(written, "US").e164()).isEqualTo("+12122340101");
    }

    @Test
    void readsNumbersWithTheirOwnCountryCodeWhateverTheDefaultCountry() {
        assertThat(PhoneNumber.parse("+44 20 7946 0958", "US").e164()).isEqualTo("+442079460958");
        assertThat(PhoneNumber.parse("011 44 20 7946 0958", "US").e164()).isEqualTo("+442079460958");
    }

    @Test
    void readsNationalNumbersOfTheDefaultCountry() {
        assertThat(PhoneNumber.parse("020 7946 0958", "GB").e164()).isEqualTo("+442079460958");
        assertThat(PhoneNumber.parse("020 7946 0958", "gb").e164()).isEqualTo("+442079460958");
    }

    @Test
    void refusesTooShortNumbersNamingTheTextAndTheCountry() {
        assertThatThrownBy(() -> PhoneNumber.parse("555-123", "US"))
                .isInstanceOf(InvalidPhoneNumberException.class)
                .hasMessage("'555-123' is not a valid phone number for country US (add the country code, e.g. +44)");
    }

    @Test
    void refusesTextWithoutDigits() {
        assertThatThrownBy(() -> PhoneNumber.parse("call me", "US"))
                .isInstanceOf(InvalidPhoneNumberException.class)
                .hasMessageContaining("'call me' is not a phone number");
    }

    @Test
    void refusesEmptyText() {
        assertThatThrownBy(() -> PhoneNumber.parse("  ", "US")).hasMessage("The phone number is empty");
    }

    @Test
    void constructorAcceptsOnlyValidE164() {
        assertThat(new PhoneNumber("+12122340101").digits()).isEqualTo("12122340101");
        assertThatThrownBy(() -> new PhoneNumber("2122340101")).isInstanceOf(InvalidPhoneNumberException.class)
                .hasMessageContaining("not in E.164 form");
        assertThatThrownBy(() -> new PhoneNumber("+1555123")).isInstanceOf(InvalidPhoneNumberException.class)
                .hasMessage("'+1555123' is not a valid phone number");
    }

    @Test
    void normalizerRemembersAnswersIncludingRefusals() {
        PhoneNumbers numbers = new PhoneNumbers("US");
        assertThat(numbers.e164("(212) 234-0101")).isEqualTo("+12122340101");
        assertThat(numbers.e164("(212) 234-0101")).isEqualTo("+12122340101");
        assertThatThrownBy(() -> numbers.e164("12345")).isInstanceOf(InvalidPhoneNumberException.class);
        assertThatThrownBy(() -> numbers.e164("12345")).isInstanceOf(InvalidPhoneNumberException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(212) 234-0101", "1 (212) 234-0101", "+1 212 234 0101", "212-234-0101 ", "(212)2340101", "12122340101",
            "+12122340101", "112-234-0101", "212-134-0101", "2122340101 ext. 12", "800 555 0000", "911", "+1 911", "1 2", "+44 20 7946 0958",
            "+1-212-234-0101", "++12122340101", "(212) 234-0101 (home)", "604 555 0134", "212 234 01011", "0212 234 0101"})
    void theNorthAmericanShortcutAnswersExactlyAsLibphonenumber(String written) {
        assertThat(answer(() -> new PhoneNumbers("US").e164(written))).isEqualTo(answer(() -> PhoneNumber.parse(written, "US").e164()));
        assertThat(answer(() -> new PhoneNumbers("CA").e164(written))).isEqualTo(answer(() -> PhoneNumber.parse(written, "CA").e164()));
    }

    @Test
    void theNorthAmericanShortcutAgreesOnThousandsOfGeneratedNumbers() {
        PhoneNumbers numbers = new PhoneNumbers("US");
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 5000; i++) {
            String written = "%d%d%d-%d%d%d-%04d".formatted(random.nextInt(10), random.nextInt(10), random.nextInt(10),
                    random.nextInt(10), random.nextInt(10), random.nextInt(10), random.nextInt(10000));
            assertThat(answer(() -> numbers.e164(written))).as(written).isEqualTo(answer(() -> PhoneNumber.parse(written, "US").e164()));
        }
    }

    private static String answer(java.util.function.Supplier<String> normalize) {
        try {
            return normalize.get();
        } catch (InvalidPhoneNumberException e) {
            return "refused: " + e.getMessage();
        }
    }
}
