package switchboard.accounts.signin;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import switchboard.accounts.Member;

/**
 * A signed-in member. Named by user id: Spring Session stores the name as the session's
 * principal_name (at most 100 characters), and the default, the member's toString() with email
 * and name, overflowed it for long ones and failed the sign-in.
 */
final class MemberAuthentication extends UsernamePasswordAuthenticationToken {

    MemberAuthentication(Member member) {
        super(member, null, member.authorities());
    }

    @Override
    public String getName() {
        return Long.toString(((Member) getPrincipal()).userId());
    }
}
