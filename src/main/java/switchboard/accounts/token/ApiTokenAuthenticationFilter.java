package switchboard.accounts.token;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import switchboard.accounts.Member;
import switchboard.platform.web.ProblemResponses;

import java.io.IOException;
import java.util.Optional;

/**
 * Authenticates "Authorization: Bearer sb_..." as the token's creator in the token's account.
 * A request without the header passes through untouched (to the next door: a session, or 401).
 */
@Component
public class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private final ApiTokens tokens;
    private final ProblemResponses problems;

    ApiTokenAuthenticationFilter(ApiTokens tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Member> member = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (member.isEmpty()) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "This API token is unknown or has been revoked.");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(member.get(), null, member.get().authorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
