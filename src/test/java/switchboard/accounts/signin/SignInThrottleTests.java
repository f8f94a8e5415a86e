package switchboard.accounts.signin;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTests {

    @Test
    void waitDoublesWithEachFailureUpToFiveMinutes() {
        assertThat(SignInThrottle.requiredWait(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInThrottle.requiredWait(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SignInThrottle.requiredWait(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(SignInThrottle.requiredWait(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(SignInThrottle.requiredWait(1000)).isEqualTo(Duration.ofMinutes(5));
    }
}
