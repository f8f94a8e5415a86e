package switchboard.accounts.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import switchboard.accounts.Member;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Puts what the app shell shows on every page into the model: who you are, where, where else
 * you can go, and the business's time zone.
 */
@ControllerAdvice(annotations = Controller.class)
class ShellModel {

    private final AccountRepository accounts;

    ShellModel(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute
    void shell(Authentication authentication, HttpServletRequest request, Model model) {
        // @ApiController is a @Controller too, and the live-updates stream renders no page either:
        // neither has a shell, so spare them these queries (the stream would run them at its end too).
        if (request.getRequestURI().startsWith("/api/") || isEventStream(request)
                || authentication == null || !(authentication.getPrincipal() instanceof Member member)) {
            return;
        }
        var account = accounts.find(member.accountId());
        model.addAttribute("member", member);
        model.addAttribute("currentAccount", account.orElse(null));
        model.addAttribute("accountChoices", accounts.choicesOf(member.userId()));
        // Pages show times in the business's time zone: ${#temporals.format(instant.atZone(zone), 'd MMM yyyy, HH:mm')}
        model.addAttribute("zone", account.map(a -> ZoneId.of(a.timeZone())).orElse(ZoneOffset.UTC));
    }

    private static boolean isEventStream(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE);
    }
}
