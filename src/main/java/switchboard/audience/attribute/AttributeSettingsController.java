package switchboard.audience.attribute;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import switchboard.accounts.Member;
import switchboard.platform.web.ConflictException;
import switchboard.platform.web.FieldError;

import java.util.Arrays;
import java.util.List;

/**
 * Settings -> Contact attributes: owners and admins define the custom attributes contacts carry.
 * Plain forms (post, then redirect with a notice); a failed form is shown again with the error
 * beside its field and everything typed kept.
 */
@Controller
@RequestMapping("/settings/attributes")
@PreAuthorize("hasRole('ADMIN')")
class AttributeSettingsController {

    private static final String LIST_PAGE = "audience/attributes/settings-attributes";
    private static final String EDIT_PAGE = "audience/attributes/settings-attribute";
    private static final String DELETE_PAGE = "audience/attributes/delete-attribute";
    private static final String LIST_PATH = "redirect:/settings/attributes";

    private final Attributes attributes;

    AttributeSettingsController(Attributes attributes) {
        this.attributes = attributes;
    }

    /** What the add and edit forms show: the typed values, as text. */
    record AttributeForm(String label, String key, String type, String choices) {

        static AttributeForm empty() {
            return new AttributeForm("", "", AttributeType.TEXT.code(), "");
        }

        static AttributeForm of(AttributeDefinition definition) {
            return new AttributeForm(definition.label(), definition.key(), definition.type().code(), String.join("\n", definition.choices()));
        }

        Attributes.Draft draft() {
            return new Attributes.Draft(key, label, type(type), lines(choices));
        }

        static AttributeType type(String code) {
            try {
                return code == null || code.isBlank() ? null : AttributeType.ofCode(code);
            } catch (IllegalArgumentException e) {
                throw new FieldError("type", "Choose one of the offered types");
            }
        }

        static List<String> lines(String text) {
            return text == null ? List.of() : Arrays.stream(text.split("\\R")).toList();
        }
    }

    @GetMapping
    String list(@AuthenticationPrincipal Member member, Model model) {
        return listPage(member, AttributeForm.empty(), model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal Member member, @RequestParam(defaultValue = "") String label,
                  @RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "") String type,
                  @RequestParam(defaultValue = "") String choices, Model model, RedirectAttributes redirect) {
        AttributeForm form = new AttributeForm(label, key, type, choices);
        AttributeDefinition created;
        try {
            created = attributes.create(member.accountId(), form.draft());
        } catch (FieldError e) {
            model.addAttribute("error", e);
            return listPage(member, form, model);
        } catch (ConflictException e) {
            model.addAttribute("error", new FieldError("label", e.getMessage()));
            return listPage(member, form, model);
        }
        redirect.addFlashAttribute("notice", "Added the attribute " + created.label() + " (key " + created.key() + ").");
        return LIST_PATH;
    }

    @GetMapping("/{id}")
    String edit(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
        AttributeDefinition definition = attributes.get(member.accountId(), id);
        return editPage(member, definition, AttributeForm.of(definition), model);
    }

    /**
     * Saves the edit. Removing a choice that contacts hold first shows how many hold it, with a
     * box to tick to remove it anyway.
     */
    @PostMapping("/{id}")
    String save(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam(defaultValue = "") String label,
                @RequestParam(required = false) String type, @RequestParam(defaultValue = "") String choices,
                @RequestParam(defaultValue = "false") boolean removeHeldChoices, Model model, RedirectAttributes redirect) {
        AttributeDefinition current = attributes.get(member.accountId(), id);
        AttributeForm form = new AttributeForm(label, current.key(), type == null ? current.type().code() : type, choices);
        AttributeDefinition saved;
        try {
            saved = attributes.update(member.accountId(), id, new Attributes.Draft(null, label,
                    AttributeForm.type(form.type()), AttributeForm.lines(choices)), removeHeldChoices);
        } catch (ChoicesInUseException e) {
            model.addAttribute("error", e);
            model.addAttribute("heldChoices", e);
            return editPage(member, current, form, model);
        } catch (FieldError e) {
            model.addAttribute("error", e);
            return editPage(member, current, form, model);
        }
        redirect.addFlashAttribute("notice", "Saved the attribute " + saved.label() + "."
                + (removeHeldChoices ? " Contacts that hold a removed choice keep it until it is changed." : ""));
        return LIST_PATH;
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
        model.addAttribute("attribute", attributes.get(member.accountId(), id));
        model.addAttribute("holders", attributes.contactsWithValue(member.accountId(), id));
        return DELETE_PAGE;
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal Member member, @PathVariable long id, Model model, RedirectAttributes redirect) {
        AttributeDefinition definition = attributes.get(member.accountId(), id);
        long removed;
        try {
            removed = attributes.delete(member.accountId(), id);
        } catch (ConflictException e) {
            model.addAttribute("attribute", definition);
            model.addAttribute("holders", attributes.contactsWithValue(member.accountId(), id));
            model.addAttribute("refusal", e.getMessage());
            return DELETE_PAGE;
        }
        redirect.addFlashAttribute("notice", "Deleted the attribute " + definition.label() + " and its value from "
                + (removed == 1 ? "1 contact." : removed + " contacts."));
        return LIST_PATH;
    }

    private String listPage(Member member, AttributeForm form, Model model) {
        model.addAttribute("attributes", attributes.all(member.accountId()));
        model.addAttribute("form", form);
        model.addAttribute("types", AttributeType.values());
        return LIST_PAGE;
    }

    private String editPage(Member member, AttributeDefinition definition, AttributeForm form, Model model) {
        model.addAttribute("attribute", definition);
        model.addAttribute("form", form);
        model.addAttribute("types", AttributeType.values());
        model.addAttribute("typeLocked", attributes.hasValues(member.accountId(), definition.id()));
        return EDIT_PAGE;
    }
}
