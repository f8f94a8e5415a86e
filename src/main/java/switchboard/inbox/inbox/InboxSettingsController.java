package switchboard.inbox.inbox;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import switchboard.accounts.Member;
import switchboard.platform.web.ConflictException;
import switchboard.platform.web.FieldError;

import java.util.List;

/**
 * Settings -> Inboxes: owners and admins add, rename and delete inboxes and choose their members.
 * Every action is a plain form; with htmx (HX-Request) the same URLs answer with the fragment
 * to swap instead of a redirect.
 */
@Controller
@RequestMapping("/settings/inboxes")
@PreAuthorize("hasRole('ADMIN')")
class InboxSettingsController {

    private static final String LIST_PAGE = "inbox/settings-inboxes";
    private static final String LIST_FRAGMENT = "inbox/_inboxes";
    private static final String EDIT_PAGE = "inbox/settings-inbox";
    private static final String EDIT_FRAGMENT = "inbox/_inbox-form";
    private static final String DELETE_PAGE = "inbox/delete-inbox";
    private static final String LIST_PATH = "redirect:/settings/inboxes";

    private final InboxService inboxes;

    InboxSettingsController(InboxService inboxes) {
        this.inboxes = inboxes;
    }

    @GetMapping
    String list(@AuthenticationPrincipal Member member, Model model) {
        model.addAttribute("inboxes", inboxes.list(member));
        model.addAttribute("newName", "");
        return LIST_PAGE;
    }

    @PostMapping
    String create(@AuthenticationPrincipal Member member, @RequestParam(defaultValue = "") String name,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        String notice;
        try {
            notice = "Added the inbox " + inboxes.create(member, new InboxName(name)).name() + ". Choose its members next.";
        } catch (FieldError | ConflictException e) {
            model.addAttribute("inboxes", inboxes.list(member));
            model.addAttribute("newName", name);
            model.addAttribute("nameError", e.getMessage());
            return htmx != null ? LIST_FRAGMENT : LIST_PAGE;
        }
        return listAfter(member, notice, htmx, model, redirect);
    }

    @GetMapping("/{id}")
    String edit(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
        Inbox inbox = inboxes.get(member, id);
        return editForm(member, inbox, inbox.name(), inbox.memberIds(), model);
    }

    @PostMapping("/{id}")
    String save(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam(defaultValue = "") String name,
                @RequestParam(name = "memberIds", required = false) List<Long> memberIds,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        List<Long> chosen = memberIds == null ? List.of() : memberIds;
        Inbox saved;
        try {
            saved = inboxes.update(member, id, new InboxName(name), chosen);
        } catch (FieldError | ConflictException e) {
            model.addAttribute(e instanceof FieldError field && field.field().equals("userIds") ? "membersError" : "nameError", e.getMessage());
            editForm(member, inboxes.get(member, id), name, chosen, model);
            return htmx != null ? EDIT_FRAGMENT : EDIT_PAGE;
        }
        String notice = "Saved the inbox " + saved.name() + " with " + members(saved.memberCount()) + ".";
        if (htmx != null) {
            model.addAttribute("status", notice);
            editForm(member, saved, saved.name(), saved.memberIds(), model);
            return EDIT_FRAGMENT;
        }
        redirect.addFlashAttribute("notice", notice);
        return LIST_PATH;
    }

    /** The confirmation step when the browser runs no script; with htmx, hx-confirm asks instead. */
    @GetMapping("/{id}/delete")
    String confirmDelete(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
        model.addAttribute("inbox", inboxes.get(member, id));
        return DELETE_PAGE;
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal Member member, @PathVariable long id,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        Inbox inbox = inboxes.get(member, id);
        inboxes.delete(member, id);
        return listAfter(member, "Deleted the inbox " + inbox.name() + ".", htmx, model, redirect);
    }

    private String listAfter(Member member, String notice, String htmx, Model model, RedirectAttributes redirect) {
        if (htmx != null) {
            model.addAttribute("inboxes", inboxes.list(member));
            model.addAttribute("newName", "");
            model.addAttribute("status", notice);
            return LIST_FRAGMENT;
        }
        redirect.addFlashAttribute("notice", notice);
        return LIST_PATH;
    }

    private String editForm(Member member, Inbox inbox, String name, List<Long> chosen, Model model) {
        model.addAttribute("inbox", inbox);
        model.addAttribute("name", name);
        model.addAttribute("chosen", chosen);
        model.addAttribute("candidates", inboxes.candidates(member));
        return EDIT_PAGE;
    }

    private static String members(int count) {
        return count == 1 ? "1 member" : count + " members";
    }
}
