package switchboard.accounts.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import switchboard.accounts.AccountSettings;
import switchboard.accounts.Member;
import switchboard.accounts.signin.SessionMember;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.FormChoices;
import switchboard.platform.web.NotFoundException;

/** Account settings, switching between one's accounts, and creating another business. */
@Controller
class AccountController {

    private static final String SETTINGS_PAGE = "accounts/settings-account";
    private static final String NEW_ACCOUNT_PAGE = "accounts/new-account";

    private final AccountService accounts;
    private final AccountRepository repository;
    private final SessionMember sessionMember;

    AccountController(AccountService accounts, AccountRepository repository, SessionMember sessionMember) {
        this.accounts = accounts;
        this.repository = repository;
        this.sessionMember = sessionMember;
    }

    @GetMapping("/settings")
    String settings(@AuthenticationPrincipal Member member) {
        return member.managesAccount() ? "redirect:/settings/account" : "redirect:/settings/tokens";
    }

    @GetMapping("/settings/account")
    @PreAuthorize("hasRole('ADMIN')")
    String accountSettings(@AuthenticationPrincipal Member member, Model model) {
        var account = repository.find(member.accountId()).orElseThrow(() -> new NotFoundException("Account"));
        model.addAttribute("form", new AccountForm(account.name(), account.timeZone(), account.defaultCountry()));
        model.addAttribute("choices", FormChoices.INSTANCE);
        return SETTINGS_PAGE;
    }

    @PostMapping("/settings/account")
    @PreAuthorize("hasRole('ADMIN')")
    String saveAccountSettings(@AuthenticationPrincipal Member member, @ModelAttribute("form") AccountForm form,
                               Model model, RedirectAttributes redirect) {
        try {
            accounts.update(member, form.settings());
        } catch (FieldError e) {
            model.addAttribute("error", e);
            model.addAttribute("choices", FormChoices.INSTANCE);
            return SETTINGS_PAGE;
        }
        redirect.addFlashAttribute("notice", "Account settings saved.");
        return "redirect:/settings/account";
    }

    @PostMapping("/accounts/switch")
    String switchAccount(@AuthenticationPrincipal Member member, @RequestParam long accountId,
                         HttpServletRequest request, HttpServletResponse response) {
        Member target = accounts.memberIn(accountId, member.userId());
        sessionMember.replace(target, request, response);
        return "redirect:/chats";
    }

    @GetMapping("/accounts/new")
    String newAccount(Model model) {
        model.addAttribute("form", new AccountForm("", "America/New_York", "US"));
        model.addAttribute("choices", FormChoices.INSTANCE);
        return NEW_ACCOUNT_PAGE;
    }

    @PostMapping("/accounts/new")
    String createAccount(@AuthenticationPrincipal Member member, @ModelAttribute("form") AccountForm form, Model model,
                         HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Member owner;
        try {
            owner = accounts.createAnother(member, form.settings());
        } catch (FieldError e) {
            model.addAttribute("error", e);
            model.addAttribute("choices", FormChoices.INSTANCE);
            return NEW_ACCOUNT_PAGE;
        }
        sessionMember.replace(owner, request, response);
        redirect.addFlashAttribute("notice", "Created " + form.name() + ". You are its owner.");
        return "redirect:/chats";
    }

    record AccountForm(String name, String timeZone, String defaultCountry) {

        AccountSettings settings() {
            return new AccountSettings(name, timeZone, defaultCountry);
        }
    }
}
