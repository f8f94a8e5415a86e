package switchboard.accounts.token;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import switchboard.accounts.Member;
import switchboard.platform.web.FieldError;

/** Settings -> API tokens: every teammate's own tokens for the REST API, in the current account. */
@Controller
class ApiTokensController {

    private static final String TOKENS_PAGE = "accounts/tokens";

    private final ApiTokens tokens;

    ApiTokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/settings/tokens")
    String list(@AuthenticationPrincipal Member member, Model model) {
        return page(member, model, "");
    }

    /** Answers with the page itself, not a redirect: the secret is shown once and kept nowhere else. */
    @PostMapping("/settings/tokens")
    String create(@AuthenticationPrincipal Member member, @RequestParam(defaultValue = "") String name, Model model) {
        try {
            model.addAttribute("newToken", tokens.create(member, name));
            return page(member, model, "");
        } catch (FieldError e) {
            model.addAttribute("error", e);
            return page(member, model, name);
        }
    }

    @PostMapping("/settings/tokens/{tokenId}/revoke")
    String revoke(@AuthenticationPrincipal Member member, @PathVariable long tokenId, RedirectAttributes redirect) {
        tokens.revoke(member, tokenId);
        redirect.addFlashAttribute("notice", "Token revoked: programs using it can no longer reach the API.");
        return "redirect:/settings/tokens";
    }

    private String page(Member member, Model model, String name) {
        model.addAttribute("tokens", tokens.tokensOf(member));
        model.addAttribute("name", name);
        return TOKENS_PAGE;
    }
}
