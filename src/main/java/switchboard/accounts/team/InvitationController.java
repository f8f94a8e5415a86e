package switchboard.accounts.team;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import switchboard.accounts.Member;
import switchboard.accounts.signin.SessionMember;
import switchboard.platform.web.ConflictException;
import switchboard.platform.web.FieldError;

/**
 * The page an invite link opens (no sign-in needed: the link is the credential). Someone new
 * chooses a name and password; someone who already has a user confirms with their password.
 */
@Controller
class InvitationController {

    private static final String INVITATION_PAGE = "accounts/invitation";

    private final Invitations invitations;
    private final SessionMember sessionMember;

    InvitationController(Invitations invitations, SessionMember sessionMember) {
        this.invitations = invitations;
        this.sessionMember = sessionMember;
    }

    @GetMapping("/invitations/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        return page(token, new AcceptForm("", ""), model, response);
    }

    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, AcceptForm form, Model model, Authentication authentication,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        var offer = invitations.offer(token);
        if (offer.isEmpty() || offer.get().status() != Invitation.Status.PENDING) {
            return page(token, form, model, response);
        }
        Member joined;
        try {
            joined = offer.get().existingUser()
                    ? invitations.acceptAsExistingUser(token, form.password(), request.getRemoteAddr())
                    : invitations.acceptAsNewUser(token, form.name(), new NewPassword(form.password()));
        } catch (FieldError e) {
            model.addAttribute("error", e);
            return page(token, new AcceptForm(form.name(), ""), model, response);
        } catch (ConflictException | AuthenticationException e) {
            model.addAttribute("error", new FieldError("password", e.getMessage()));
            return page(token, new AcceptForm(form.name(), ""), model, response);
        }
        String welcome = "You joined " + offer.get().invitation().accountName() + " as " + joined.role().label() + ".";
        if (authentication != null && authentication.getPrincipal() instanceof Member signedIn && signedIn.userId() == joined.userId()) {
            sessionMember.replace(joined, request, response);
            redirect.addFlashAttribute("notice", welcome);
            return "redirect:/chats";
        }
        redirect.addFlashAttribute("notice", welcome + " Sign in with " + joined.email() + " and your password.");
        return "redirect:/sign-in";
    }

    private String page(String token, AcceptForm form, Model model, HttpServletResponse response) {
        var offer = invitations.offer(token);
        model.addAttribute("token", token);
        if (offer.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", "This invite link is not valid. Check that you copied all of it, or ask for a new one.");
            return INVITATION_PAGE;
        }
        if (offer.get().status() != Invitation.Status.PENDING) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("problem", offer.get().explanation());
        }
        model.addAttribute("offer", offer.get());
        model.addAttribute("form", form);
        return INVITATION_PAGE;
    }

    record AcceptForm(String name, String password) {
    }
}
