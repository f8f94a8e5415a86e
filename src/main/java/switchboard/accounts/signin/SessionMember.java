package switchboard.accounts.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import switchboard.accounts.Member;

/** Replaces the member held in the browser session: after switching accounts or a role change. */
@Component
public class SessionMember {

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    public void replace(Member member, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new MemberAuthentication(member));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }
}
