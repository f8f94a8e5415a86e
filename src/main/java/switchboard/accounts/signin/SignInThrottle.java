package switchboard.accounts.signin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows down password guessing, at sign-in and when an invite is accepted with an existing
 * user's password. Failures are kept in PostgreSQL, so every node sees the same
 * count. After a few failures for one email (or many from one address) each further attempt
 * must wait twice as long as the last, up to five minutes; a successful sign-in clears the email's count.
 */
@Component
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int FREE_FAILURES_PER_EMAIL = 3;
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Refuses the attempt, without checking the password, while the required wait has not passed. */
    public void check(String email, String remoteAddress) {
        Instant now = clock.instant();
        Duration wait = max(
                remainingWait("email", email, FREE_FAILURES_PER_EMAIL, now),
                remainingWait("remote_address", remoteAddress, FREE_FAILURES_PER_ADDRESS, now));
        if (!wait.isZero()) {
            log.warn("Sign-in refused for {} from {}: throttled for {} s more", email, remoteAddress, wait.toSeconds());
            throw new SignInThrottledException(wait);
        }
    }

    public void recordFailure(String email, String remoteAddress) {
        jdbc.sql("insert into sign_in_failures (email, remote_address, failed_at) values (:email, :address, :at)")
                .param("email", email).param("address", remoteAddress).param("at", Timestamp.from(clock.instant()))
                .update();
        log.warn("Failed sign-in for {} from {}", email, remoteAddress);
    }

    public void recordSuccess(String email) {
        jdbc.sql("delete from sign_in_failures where email = :email").param("email", email).update();
    }

    // column is one of two constants above, never request input.
    private Duration remainingWait(String column, String value, int freeFailures, Instant now) {
        var recent = jdbc.sql("select count(*) as failures, max(failed_at) as latest from sign_in_failures where "
                        + column + " = :value and failed_at > :since")
                .param("value", value).param("since", Timestamp.from(now.minus(WINDOW)))
                .query((rs, n) -> new Recent(rs.getInt("failures"), rs.getTimestamp("latest")))
                .single();
        if (recent.failures() < freeFailures || recent.latest() == null) {
            return Duration.ZERO;
        }
        Duration required = requiredWait(recent.failures() - freeFailures);
        Duration elapsed = Duration.between(recent.latest().toInstant(), now);
        return elapsed.compareTo(required) >= 0 ? Duration.ZERO : required.minus(elapsed);
    }

    static Duration requiredWait(int failuresOverAllowance) {
        long seconds = 1L << Math.min(failuresOverAllowance, 20);
        return seconds >= LONGEST_WAIT.toSeconds() ? LONGEST_WAIT : Duration.ofSeconds(seconds);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private record Recent(int failures, Timestamp latest) {
    }
}
