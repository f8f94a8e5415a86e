package switchboard.accounts.setup;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import switchboard.accounts.AccountSettings;
import switchboard.accounts.Accounts;
import switchboard.accounts.team.NewPassword;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.FormChoices;

/** The first-run page: shown until the first account exists, then gone for good. */
@Controller
class SetupController {

    private static final String SETUP_PAGE = "accounts/setup";
    private static final String SETUP_DONE_PAGE = "accounts/setup-done";

    private final FirstRunSetup setup;
    private final Accounts accounts;

    SetupController(FirstRunSetup setup, Accounts accounts) {
        this.setup = setup;
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home() {
        return accounts.isSetUp() ? "redirect:/chats" : "redirect:/setup";
    }

    @GetMapping("/setup")
    String form(Model model) {
        if (accounts.isSetUp()) {
            return "redirect:/sign-in";
        }
        model.addAttribute("form", SetupForm.blank());
        model.addAttribute("choices", FormChoices.INSTANCE);
        return SETUP_PAGE;
    }

    @PostMapping("/setup")
    String submit(@ModelAttribute("form") SetupForm form, Model model, RedirectAttributes redirect) {
        try {
            setup.setUp(new AccountSettings(form.businessName(), form.timeZone(), form.defaultCountry()),
                    form.ownerName(), form.email(), new NewPassword(form.password()));
        } catch (FieldError e) {
            model.addAttribute("choices", FormChoices.INSTANCE);
            model.addAttribute("error", e);
            return SETUP_PAGE;
        }
        redirect.addFlashAttribute("notice", "Your account is ready. Sign in to start.");
        return "redirect:/sign-in";
    }

    @ExceptionHandler(SetupAlreadyDoneException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String alreadyDone(SetupAlreadyDoneException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return SETUP_DONE_PAGE;
    }

    record SetupForm(String businessName, String timeZone, String defaultCountry, String ownerName, String email, String password) {

        static SetupForm blank() {
            return new SetupForm("", "America/New_York", "US", "", "", "");
        }
    }
}
