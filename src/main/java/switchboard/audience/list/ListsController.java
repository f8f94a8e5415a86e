package switchboard.audience.list;

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
import switchboard.audience.tag.Tag;
import switchboard.audience.tag.Tags;
import switchboard.platform.web.ConflictException;
import switchboard.platform.web.FieldError;

/**
 * Audience -> Lists: every member adds lists, renames them, tags a list as a whole and deletes
 * it (its members stay as contacts). Plain forms; the table's add and delete also answer htmx
 * with the fragment to swap.
 */
@Controller
@RequestMapping("/audience/lists")
class ListsController {

    private static final String LIST_PAGE = "audience/lists/lists";
    private static final String LIST_FRAGMENT = "audience/lists/_lists :: lists";
    private static final String EDIT_PAGE = "audience/lists/edit";
    private static final String DELETE_PAGE = "audience/lists/delete";
    private static final String LIST_PATH = "redirect:/audience/lists";

    private final Lists lists;
    private final Tags tags;

    ListsController(Lists lists, Tags tags) {
        this.lists = lists;
        this.tags = tags;
    }

    @GetMapping
    String list(@AuthenticationPrincipal Member member, Model model) {
        listModel(member, "", model);
        return LIST_PAGE;
    }

    /** The table alone: what the page reloads when a live event says lists or contacts changed. */
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
            notice = "Added the list " + lists.create(member.accountId(), name).name() + ".";
        } catch (FieldError | ConflictException e) {
            listModel(member, name, model);
            model.addAttribute("nameError", e.getMessage());
            return htmx != null ? LIST_FRAGMENT : LIST_PAGE;
        }
        return listAfter(member, notice, htmx, model, redirect);
    }

    @GetMapping("/{id}")
    String edit(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
        ContactList list = lists.get(member.accountId(), id);
        return editPage(member, list, list.name(), model);
    }

    @PostMapping("/{id}")
    String rename(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam(defaultValue = "") String name,
                  Model model, RedirectAttributes redirect) {
        ContactList list = lists.get(member.accountId(), id);
        try {
            ContactList renamed = lists.rename(member.accountId(), id, name);
            redirect.addFlashAttribute("notice", "Saved the list " + renamed.name() + ".");
        } catch (FieldError | ConflictException e) {
            model.addAttribute("nameError", e.getMessage());
            return editPage(member, list, name, model);
        }
        return "redirect:/audience/lists/" + id;
    }

    /** Tags the list as a whole by tag name (an existing tag in any case, or a new one). */
    @PostMapping("/{id}/tags")
    String addTag(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam(defaultValue = "") String tagName,
                  Model model, RedirectAttributes redirect) {
        ContactList list = lists.get(member.accountId(), id);
        Tag tag;
        try {
            tag = tags.findOrCreate(member.accountId(), tagName);
        } catch (FieldError e) {
            model.addAttribute("tagError", e.getMessage());
            model.addAttribute("tagName", tagName);
            return editPage(member, list, list.name(), model);
        }
        int tagged = lists.addTag(member.accountId(), id, tag.id());
        redirect.addFlashAttribute("notice", "Tagged the list " + list.name() + " with " + tag.name() + ": "
                + (tagged == 1 ? "1 member" : tagged + " members") + " newly tagged; contacts added later get the tag too.");
        return "redirect:/audience/lists/" + id;
    }

    @PostMapping("/{id}/tags/{tagId}/delete")
    String removeTag(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long tagId,
                     RedirectAttributes redirect) {
        ContactList list = lists.get(member.accountId(), id);
        Tag tag = tags.get(member.accountId(), tagId);
        lists.removeTag(member.accountId(), id, tagId);
        redirect.addFlashAttribute("notice", "The tag " + tag.name() + " no longer applies to contacts added to " + list.name()
                + "; current members keep it.");
        return "redirect:/audience/lists/" + id;
    }

    /** The confirmation step when the browser runs no script; with htmx, hx-confirm asks instead. */
    @GetMapping("/{id}/delete")
    String confirmDelete(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
        model.addAttribute("list", lists.get(member.accountId(), id));
        return DELETE_PAGE;
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal Member member, @PathVariable long id,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        ContactList deleted = lists.delete(member.accountId(), id);
        return listAfter(member, "Deleted the list " + deleted.name() + "; " + membersStay(deleted.memberCount()), htmx, model, redirect);
    }

    private String editPage(Member member, ContactList list, String name, Model model) {
        model.addAttribute("list", list);
        model.addAttribute("name", name);
        model.addAttribute("allTags", tags.list(member.accountId()));
        return EDIT_PAGE;
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
        model.addAttribute("lists", lists.list(member.accountId()));
        model.addAttribute("newName", newName);
    }

    static String membersStay(long count) {
        return count == 1 ? "its 1 member stays as a contact." : "its " + count + " members stay as contacts.";
    }

    static String members(long count) {
        return count == 1 ? "1 member" : count + " members";
    }
}
