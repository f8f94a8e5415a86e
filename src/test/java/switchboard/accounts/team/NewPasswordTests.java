package switchboard.accounts.team;

import org.junit.jupiter.api.Test;
import switchboard.platform.web.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewPasswordTests {

    @Test
    void refusesShortPasswordsWithTheRule() {
        assertThatThrownBy(() -> new NewPassword("short"))
                .isInstanceOf(FieldError.class).hasMessageContaining("at least 10 characters");
        assertThatThrownBy(() -> new NewPassword(null)).isInstanceOf(FieldError.class);
    }

    @Test
    void neverShowsThePasswordInText() {
        assertThat(new NewPassword("a long secret phrase").toString()).doesNotContain("secret");
    }

    @Test
    void normalizesAndChecksEmailShape() {
        assertThat(ValidEmail.normalize("  Olga@Example.COM ")).isEqualTo("olga@example.com");
        assertThatThrownBy(() -> ValidEmail.normalize("olga@localhost")).isInstanceOf(FieldError.class);
        assertThatThrownBy(() -> ValidEmail.normalize("two@@example.com")).isInstanceOf(FieldError.class);
    }
}
