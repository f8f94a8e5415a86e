package switchboard.accounts.signin;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import switchboard.accounts.Member;
import switchboard.accounts.team.MemberRepository;

import java.time.Clock;
import java.util.Locale;

/** Checks an email and password, throttled, and signs the user into the account they used last. */
@Component
class PasswordSignIn implements AuthenticationProvider {

    private static final String BAD_CREDENTIALS = "That email and password do not match an account.";

    private final MemberRepository members;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final Clock clock;
    // Checked against when the email is unknown, so both answers take the same time.
    private final String decoyHash;

    PasswordSignIn(MemberRepository members, PasswordEncoder passwords, SignInThrottle throttle, Clock clock) {
        this.members = members;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
        this.decoyHash = passwords.encode("decoy password that no one has");
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = String.valueOf(attempt.getName()).strip().toLowerCase(Locale.ROOT);
        String password = String.valueOf(attempt.getCredentials());
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "unknown";
        throttle.check(email, address);
        var user = members.findUserByEmail(email);
        boolean matches = passwords.matches(password, user.map(MemberRepository.User::passwordHash).orElse(decoyHash));
        if (user.isEmpty() || !matches) {
            throttle.recordFailure(email, address);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        Member member = members.defaultMembership(user.get().id())
                .orElseThrow(() -> new DisabledException("Your access to every account has been turned off. Ask an admin to turn it on again."));
        throttle.recordSuccess(email);
        members.markUsed(member.accountId(), member.userId(), clock.instant());
        return new MemberAuthentication(member);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
