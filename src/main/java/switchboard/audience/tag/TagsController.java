package switchboard.audience.tag;

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

/**
 * Audience -> Tags: every member adds, renames (pencil, inline) and deletes (trash) tags. Every
 * action is a plain form; with htmx (HX-Request) the same URLs answer with the fragment to swap.
 */
@Controller
@RequestMapping("/audience/tags")
class TagsController {

    private static final String LIST_PAGE = "audience/tags/tags";
    private static final String LIST_FRAGMENT = "audience/tags/_tags :: tags";
    private static final String ROW_FRAGMENT = "audience/tags/_tags :: row";
    private static final String EDIT_ROW_FRAGMENT = "audience/tags/_tags :: edit-row";
    private static final String EDIT_PAGE = "audience/tags/edit";
    private static final String DELETE_PAGE = "audience/tags/delete";
    private static final String LIST_PATH = "redirect:/audience/tags";

    private final Tags tags;

    TagsController(Tags tags) {
        this.tags = tags;
    }

    @GetMapping
    String list(@AuthenticationPrincipal Member member, Model model) {
        listModel(member, "", model);
        return LIST_PAGE;
    }

    /** The table alone: what the page reloads when a live event says tags or contacts changed. */
    @GetMapping("/table")
    String table(@AuthenticationPrincipal Member member, Model model) {
        listModel(member, "", model);
        return LIST_FRAGMENT;
    }

    @PostMapping
    String create(@AuthenticationPrincipal Member member, @RequestParam(defaultValue = "") String name,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        String notice;
        try {
            notice = "Added the tag " + tags.create(member.accountId(), name).name() + ".";
        } catch (FieldError | ConflictException e) {
            listModel(member, name, model);
            model.addAttribute("nameError", e.getMessage());
            return htmx != null ? LIST_FRAGMENT : LIST_PAGE;
        }
        return listAfter(member, notice, htmx, model, redirect);
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal Member member, @PathVariable long id,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Tag tag = tags.get(member.accountId(), id);
        model.addAttribute("tag", tag);
        model.addAttribute("name", tag.name());
        return htmx != null ? EDIT_ROW_FRAGMENT : EDIT_PAGE;
    }

    /** The row as shown, for Cancel (Esc) in the inline editor. */
    @GetMapping("/{id}/row")
    String row(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
        model.addAttribute("tag", tags.get(member.accountId(), id));
        return ROW_FRAGMENT;
    }

    @PostMapping("/{id}")
    String rename(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam(defaultValue = "") String name,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        Tag tag = tags.get(member.accountId(), id);
        Tag renamed;
        try {
            renamed = tags.rename(member.accountId(), id, name);
        } catch (FieldError | ConflictException e) {
            model.addAttribute("tag", tag);
            model.addAttribute("name", name);
            model.addAttribute("nameError", e.getMessage());
            return htmx != null ? EDIT_ROW_FRAGMENT : EDIT_PAGE;
        }
        if (htmx != null) {
            model.addAttribute("tag", renamed);
            model.addAttribute("focus", true);
            return ROW_FRAGMENT;
        }
        redirect.addFlashAttribute("notice", "Renamed the tag " + tag.name() + " to " + renamed.name() + ".");
        return LIST_PATH;
    }

    /** The confirmation step when the browser runs no script; with htmx, hx-confirm asks instead. */
    @GetMapping("/{id}/delete")
    String confirmDelete(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
        model.addAttribute("tag", tags.get(member.accountId(), id));
        return DELETE_PAGE;
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal Member member, @PathVariable long id,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        Tag deleted = tags.delete(member.accountId(), id);
        return listAfter(member, "Deleted the tag " + deleted.name() + " and removed it from " + Tags.contacts(deleted.contactCount())
                + "; the contacts stay.",
                htmx, model, redirect);
    }

    private String listAfter(Member member, String notice, String htmx, Model model, RedirectAttributes redirect) {
        if (htmx != null) {
            listModel(member, "", model);
            model.addAttribute("status", notice);
            return LIST_FRAGMENT;
        }
        redirect.addFlashAttribute("notice", notice);
        return LIST_PATH;
    }

    private void listModel(Member member, String newName, Model model) {
        model.addAttribute("tags", tags.list(member.accountId()));
        model.addAttribute("newName", newName);
    }
}
