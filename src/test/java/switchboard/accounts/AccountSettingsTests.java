package switchboard.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountSettingsTests {

    @Test
    void normalizesNameTimeZoneAndCountry() {
        var settings = new AccountSettings("  Acme Plumbing ", "Europe/Berlin", " de ");
        assertThat(settings.name()).isEqualTo("Acme Plumbing");
        assertThat(settings.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(settings.defaultCountry()).isEqualTo("DE");
    }

    @Test
    void refusesEachInvalidFieldByName() {
        assertThatThrownBy(() -> new AccountSettings(" ", "UTC", "US"))
                .isInstanceOfSatisfying(InvalidAccountSettingsException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> new AccountSettings("Acme", "Mars/Olympus_Mons", "US"))
                .isInstanceOfSatisfying(InvalidAccountSettingsException.class, e -> assertThat(e.field()).isEqualTo("timeZone"));
        assertThatThrownBy(() -> new AccountSettings("Acme", "UTC", "XX"))
                .isInstanceOfSatisfying(InvalidAccountSettingsException.class, e -> assertThat(e.field()).isEqualTo("defaultCountry"));
        assertThatThrownBy(() -> new AccountSettings("A".repeat(201), "UTC", "US"))
                .isInstanceOfSatisfying(InvalidAccountSettingsException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }
}
