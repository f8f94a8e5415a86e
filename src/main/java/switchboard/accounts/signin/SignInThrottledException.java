package switchboard.accounts.signin;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Too many recent failed sign-ins: the user is told how long to wait. */
class SignInThrottledException extends AuthenticationException {

    SignInThrottledException(Duration wait) {
        super("Too many failed sign-ins. Wait " + Math.max(1, wait.toSeconds()) + " seconds, then try again.");
    }
}
