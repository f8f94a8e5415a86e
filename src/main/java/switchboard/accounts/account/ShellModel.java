package switchboard.accounts.account;

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
    void shell(Authentication authentication, Model model) {
        if (authentication == null || !(authentication.getPrincipal() instanceof Member member)) {
            return;
        }
        model.addAttribute("member", member);
        model.addAttribute("currentAccount", accounts.find(member.accountId()).orElse(null));
        model.addAttribute("accountChoices", accounts.choicesOf(member.userId()));
    }
}
