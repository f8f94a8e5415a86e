package switchboard.audience.contact;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import switchboard.accounts.Member;
import switchboard.audience.ContactView;
import switchboard.audience.attribute.AttributeDefinition;
import switchboard.audience.filter.InvalidConditionException;
import switchboard.platform.web.ConflictException;
import switchboard.platform.web.NotFoundException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Audience -> Contacts: the filtered, paged table, the Add and Edit forms, and delete with undo.
 * Every filter lives in the URL. With htmx, typing in the search box swaps only the results.
 */
@Controller
@RequestMapping("/audience/contacts")
class ContactsController {

    static final String LIST_PAGE = "audience/contacts/list";
    static final String RESULTS_FRAGMENT = "audience/contacts/_results";
    static final String FORM_PAGE = "audience/contacts/form";
    static final String DELETE_PAGE = "audience/contacts/delete";
    static final String CHANGED_FRAGMENT = "audience/contacts/_changed";

    private final Contacts contacts;
    private final ContactPages pages;

    ContactsController(Contacts contacts, ContactPages pages) {
        this.contacts = contacts;
        this.pages = pages;
    }

    @GetMapping
    String list(@AuthenticationPrincipal Member member, @ModelAttribute("filter") ContactFilterForm filter,
                @RequestParam(required = false) Integer size, @RequestParam(required = false) Long after,
                @RequestParam(required = false) Long before, @RequestHeader(name = "HX-Request", required = false) String htmx,
                @RequestHeader(name = "HX-Target", required = false) String target, Model model) {
        int pageSize = ContactPages.pageSize(size);
        model.addAttribute("size", pageSize);
        model.addAttribute("pageSizes", ContactPages.PAGE_SIZES);
        model.addAttribute("query", filter.query());
        ContactPages.Page page;
        try {
            page = pages.page(member, filter.toFilter(), after, before, pageSize);
        } catch (InvalidConditionException e) {
            model.addAttribute("filterError", e.getMessage());
            page = new ContactPages.Page(List.of(), null, null, 0, ContactPages.countText(0));
        }
        model.addAttribute("page", page);
        String base = "/audience/contacts?" + (filter.query().isEmpty() ? "" : filter.query() + "&") + "size=" + pageSize;
        model.addAttribute("previousUrl", page.previousBefore() == null ? null : base + "&before=" + page.previousBefore());
        model.addAttribute("nextUrl", page.nextAfter() == null ? null : base + "&after=" + page.nextAfter());
        model.addAttribute("tags", pages.tags(member.accountId()));
        model.addAttribute("lists", pages.lists(member.accountId()));
        if (htmx != null && "contact-results".equals(target)) {
            return RESULTS_FRAGMENT;
        }
        model.addAttribute("segments", pages.segments(member.accountId()));
        model.addAttribute("fields", pages.fields(member.accountId()));
        model.addAttribute("conditionRows", conditionRows(filter));
        return LIST_PAGE;
    }

    /** What a live update tells an open list: something changed; the user reloads when they are ready (a selection is not lost). */
    @GetMapping("/changed")
    String changed(@RequestParam(defaultValue = "") String query, Model model) {
        model.addAttribute("query", query);
        return CHANGED_FRAGMENT;
    }

    @GetMapping("/new")
    String newContact(@AuthenticationPrincipal Member member, Model model) {
        return form(member, null, ContactForm.empty(), null, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal Member member, @RequestParam MultiValueMap<String, String> fields, Model model,
                  RedirectAttributes redirect) {
        ContactForm form = formOf(member, fields);
        ContactView created;
        try {
            created = contacts.create(member, form, Contacts.Source.MANUAL);
        } catch (InvalidContactException | DuplicateContactException e) {
            return form(member, null, form, e, model);
        }
        redirect.addFlashAttribute("notice", "Added " + ContactNames.of(created) + ".");
        return "redirect:/audience/contacts/" + created.id();
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
        ContactView contact = contacts.get(member, id);
        return form(member, contact, ContactForm.of(contact, contacts.tagsOf(member, id), contacts.listsOf(member, id)), null, model);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam MultiValueMap<String, String> fields,
                  Model model, RedirectAttributes redirect) {
        ContactView contact = contacts.get(member, id);
        ContactForm form = formOf(member, fields);
        ContactView saved;
        try {
            saved = contacts.updateWithMemberships(member, id, form);
        } catch (InvalidContactException | DuplicateContactException e) {
            return form(member, contact, form, e, model);
        }
        redirect.addFlashAttribute("notice", "Saved " + ContactNames.of(saved) + ".");
        return "redirect:/audience/contacts/" + id;
    }

    /** The confirmation step (also without script); the profile's Delete button leads here. */
    @GetMapping("/{id}/delete")
    String confirmDelete(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
        model.addAttribute("contact", contacts.get(member, id));
        model.addAttribute("name", ContactNames.of(contacts.get(member, id)));
        return DELETE_PAGE;
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal Member member, @PathVariable long id, RedirectAttributes redirect) {
        ContactView deleted = contacts.delete(member, id);
        redirect.addFlashAttribute("notice", "Deleted " + ContactNames.of(deleted) + ".");
        redirect.addFlashAttribute("undoId", id);
        return "redirect:/audience/contacts";
    }

    @PostMapping("/{id}/restore")
    String restore(@AuthenticationPrincipal Member member, @PathVariable long id, RedirectAttributes redirect) {
        try {
            ContactView restored = contacts.undoDelete(member, id);
            redirect.addFlashAttribute("notice", "Restored " + ContactNames.of(restored) + ".");
            return "redirect:/audience/contacts/" + id;
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("problem", "This contact can no longer be restored: deletions can be undone for "
                    + Contacts.UNDO_WINDOW.toMinutes() + " minutes.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/audience/contacts";
    }

    private String form(Member member, ContactView contact, ContactForm form, RuntimeException error, Model model) {
        Map<String, String> errors = new HashMap<>();
        if (error instanceof InvalidContactException invalid) {
            invalid.errors().forEach(e -> errors.putIfAbsent(e.field(), e.getMessage()));
        }
        if (error instanceof DuplicateContactException duplicate) {
            errors.put(duplicate.field(), duplicate.getMessage());
            model.addAttribute("duplicate", duplicate);
        }
        model.addAttribute("contact", contact);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("attributes", contacts.attributes(member.accountId()));
        model.addAttribute("tagChoices", pages.tags(member.accountId()));
        model.addAttribute("listChoices", pages.lists(member.accountId()));
        return FORM_PAGE;
    }

    /**
     * The form's fields: default fields by name, custom attributes as "attr_<key>" (a boolean's
     * checkbox follows a hidden field, so the last value wins), tags and lists as chosen names
     * plus new names typed comma-separated.
     */
    private ContactForm formOf(Member member, MultiValueMap<String, String> fields) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (AttributeDefinition definition : contacts.attributes(member.accountId())) {
            List<String> values = fields.get("attr_" + definition.key());
            if (values != null && !values.isEmpty()) {
                attributes.put(definition.key(), values.getLast());
            }
        }
        return new ContactForm(fields.getFirst("firstName"), fields.getFirst("lastName"), fields.getFirst("phone"),
                fields.getFirst("email"), fields.getFirst("company"), attributes,
                names(fields.get("tags"), fields.getFirst("newTags")), names(fields.get("lists"), fields.getFirst("newLists")));
    }

    static List<String> names(List<String> chosen, String typed) {
        List<String> names = new ArrayList<>(chosen == null ? List.of() : chosen);
        if (typed != null) {
            Arrays.stream(typed.split(",")).map(String::strip).filter(name -> !name.isEmpty()).forEach(names::add);
        }
        return names;
    }

    /** The editor's rows: the filter's conditions, then one empty row to add another. */
    private static List<ContactFilterForm.Row> conditionRows(ContactFilterForm filter) {
        List<ContactFilterForm.Row> rows = new ArrayList<>(filter.rows());
        rows.add(new ContactFilterForm.Row("", "equals", ""));
        return rows;
    }
}
