package switchboard.accounts.signin;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import switchboard.accounts.Accounts;
import switchboard.accounts.Member;

/** The sign-in page. Spring Security handles the POST; this shows the form and why it failed. */
@Controller
class SignInController {

    private static final String SIGN_IN_PAGE = "accounts/sign-in";

    private final Accounts accounts;

    SignInController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/sign-in")
    String signIn(Authentication authentication, @RequestParam(required = false) String error, HttpSession session, Model model) {
        if (authentication != null && authentication.getPrincipal() instanceof Member) {
            return "redirect:/chats";
        }
        if (!accounts.isSetUp()) {
            return "redirect:/setup";
        }
        if (error != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException e) {
            model.addAttribute("signInError", e.getMessage());
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        return SIGN_IN_PAGE;
    }
}
