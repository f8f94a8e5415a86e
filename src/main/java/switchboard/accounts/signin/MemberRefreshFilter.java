package switchboard.accounts.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import switchboard.accounts.Member;
import switchboard.accounts.team.MemberRepository;

import java.io.IOException;
import java.util.Optional;

/**
 * A session holds the member as they were at sign-in. An admin may since have changed their
 * role or turned their access off, so each request re-reads the membership: a new role applies
 * at once; a deactivated member moves to another account they belong to, or is signed out.
 */
class MemberRefreshFilter extends OncePerRequestFilter {

    private final MemberRepository members;
    private final SessionMember sessionMember;

    MemberRefreshFilter(MemberRepository members, SessionMember sessionMember) {
        this.members = members;
        this.sessionMember = sessionMember;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Member held) {
            Optional<Member> current = members.activeMember(held.accountId(), held.userId())
                    .or(() -> members.defaultMembership(held.userId()));
            if (current.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (!current.get().equals(held)) {
                sessionMember.replace(current.get(), request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
