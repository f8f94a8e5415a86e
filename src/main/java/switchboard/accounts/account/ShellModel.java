package switchboard.accounts.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import switchboard.accounts.Member;

/** Puts what the app shell shows on every page into the model: who you are, where, and where else you can go. */
@ControllerAdvice(annotations = Controller.class)
class ShellModel {

    private final AccountRepository accounts;

    ShellModel(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute
    void shell(Authentication authentication, HttpServletRequest request, Model model) {
        if (authentication == null || !(authentication.getPrincipal() instanceof Member member)) {
            return;
        }
        if (isEventStream(request)) {
            // The live-updates stream renders no page; its completion dispatch would otherwise
            // query the database once more at the end of every stream, even while shutting down.
            return;
        }
        model.addAttribute("member", member);
        model.addAttribute("currentAccount", accounts.find(member.accountId()).orElse(null));
        model.addAttribute("accountChoices", accounts.choicesOf(member.userId()));
    }

    private static boolean isEventStream(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE);
    }
}
