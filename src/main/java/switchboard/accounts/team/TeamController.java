package switchboard.accounts.team;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.accounts.Teammate;
import switchboard.platform.web.ConflictException;
import switchboard.platform.web.FieldError;

import java.util.List;

/** Settings -> Team: teammates, their roles and access, and invites. Owners and admins only. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class TeamController {

    private static final String TEAM_PAGE = "accounts/team";
    private static final String TEAM_URL = "redirect:/settings/team";

    private final Team team;
    private final Invitations invitations;

    TeamController(Team team, Invitations invitations) {
        this.team = team;
        this.invitations = invitations;
    }

    @GetMapping("/settings/team")
    String team(@AuthenticationPrincipal Member member, Model model) {
        return page(member, model, new InviteForm("", Role.AGENT.code()));
    }

    /** Answers with the page itself, not a redirect: the link is shown once and kept nowhere else. */
    @PostMapping("/settings/team/invitations")
    String invite(@AuthenticationPrincipal Member member, InviteForm form, Model model) {
        try {
            var invitation = invitations.invite(member, form.email(), form.role(),
                    ServletUriComponentsBuilder.fromCurrentContextPath().build().toUri());
            model.addAttribute("newInvitation", invitation);
            return page(member, model, new InviteForm("", Role.AGENT.code()));
        } catch (FieldError e) {
            model.addAttribute("inviteError", e);
        } catch (AccessDeniedException e) {
            model.addAttribute("inviteError", new FieldError("role", e.getMessage()));
        }
        return page(member, model, form);
    }

    @PostMapping("/settings/team/invitations/{invitationId}/revoke")
    String revoke(@AuthenticationPrincipal Member member, @PathVariable long invitationId, RedirectAttributes redirect) {
        invitations.revoke(member, invitationId);
        redirect.addFlashAttribute("notice", "Invite revoked: its link no longer works.");
        return TEAM_URL;
    }

    @PostMapping("/settings/team/{userId}/role")
    String changeRole(@AuthenticationPrincipal Member member, @PathVariable long userId, @RequestParam String role,
                      RedirectAttributes redirect) {
        return applying(redirect, () -> {
            Teammate changed = team.changeRole(member, userId, Role.parse(role));
            return changed.name() + " is now " + changed.role().label() + ".";
        });
    }

    @PostMapping("/settings/team/{userId}/deactivate")
    String deactivate(@AuthenticationPrincipal Member member, @PathVariable long userId, RedirectAttributes redirect) {
        return applying(redirect, () -> team.changeAccess(member, userId, false).name()
                + " is deactivated and signed out of this account.");
    }

    @PostMapping("/settings/team/{userId}/reactivate")
    String reactivate(@AuthenticationPrincipal Member member, @PathVariable long userId, RedirectAttributes redirect) {
        return applying(redirect, () -> team.changeAccess(member, userId, true).name() + " can sign in to this account again.");
    }

    /** A refused change (a team rule) is told on the page, not as an error page. */
    private static String applying(RedirectAttributes redirect, Change change) {
        try {
            redirect.addFlashAttribute("notice", change.apply());
        } catch (ConflictException | AccessDeniedException | FieldError e) {
            redirect.addFlashAttribute("teamError", e.getMessage());
        }
        return TEAM_URL;
    }

    private String page(Member member, Model model, InviteForm form) {
        List<Teammate> teammates = team.teammates(member);
        model.addAttribute("teammates", teammates);
        model.addAttribute("invitations", invitations.pending(member));
        model.addAttribute("form", form);
        model.addAttribute("roles", member.role() == Role.OWNER ? List.of(Role.values()) : List.of(Role.ADMIN, Role.AGENT));
        return TEAM_PAGE;
    }

    @FunctionalInterface
    private interface Change {
        String apply();
    }

    record InviteForm(String email, String role) {
    }
}
