package switchboard.audience.contact;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import switchboard.accounts.Member;
import switchboard.audience.ConsentStatus;
import switchboard.audience.attribute.AttributeDefinitionRepository;
import switchboard.audience.attribute.AttributeType;
import switchboard.audience.filter.DefaultFields;
import switchboard.audience.note.Notes;
import switchboard.platform.web.ConflictException;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.NotFoundException;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A contact's profile: every field editable in place, tags, lists, consent, notes, and (admins)
 * a new custom attribute straight from here. Each action is a plain form that redirects back;
 * with htmx the same URL answers the part to swap (the field, or the whole profile panel).
 */
@Controller
@RequestMapping("/audience/contacts/{id}")
class ContactProfileController {

    static final String PROFILE_PAGE = "audience/contacts/profile";
    static final String PROFILE_FRAGMENT = "audience/contacts/_profile :: profile";
    static final String FIELD_FRAGMENT = "audience/contacts/_field :: field";
    static final String EDITOR_FRAGMENT = "audience/contacts/_field :: editor";

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** Names a custom attribute cannot take: the default fields, and what a contact row or filter already uses. */
    private static final Set<String> RESERVED = Set.of("id", "first_name", "last_name", "name", "full_name", "phone", "email",
            "company", "source", "created_at", "updated_at", "consent", "consent_status", "tags", "lists", "attributes");

    private final Contacts contacts;
    private final ContactProfiles profiles;
    private final ContactPages pages;
    private final Notes notes;
    private final AttributeDefinitionRepository definitions;
    private final TransactionTemplate transactions;

    ContactProfileController(Contacts contacts, ContactProfiles profiles, ContactPages pages, Notes notes,
                             AttributeDefinitionRepository definitions, TransactionTemplate transactions) {
        this.contacts = contacts;
        this.profiles = profiles;
        this.pages = pages;
        this.notes = notes;
        this.definitions = definitions;
        this.transactions = transactions;
    }

    @GetMapping
    String profile(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
        return page(member, id, null, Map.of(), model);
    }

    /** The panel alone, for a live refresh. */
    @GetMapping("/panel")
    String panel(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
        fill(member, id, null, Map.of(), model);
        return PROFILE_FRAGMENT;
    }

    /** The inline editor of one field; without script, the profile page with that field open. */
    @GetMapping("/fields/{field}")
    String editField(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable String field,
                     @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        requireField(member, field);
        if (htmx == null) {
            return page(member, id, field, Map.of(), model);
        }
        model.addAttribute("profile", profiles.of(member, id));
        model.addAttribute("field", profiles.of(member, id).field(field));
        return EDITOR_FRAGMENT;
    }

    /** Cancel: the field as shown. */
    @GetMapping("/fields/{field}/view")
    String viewField(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable String field, Model model) {
        requireField(member, field);
        ContactProfile profile = profiles.of(member, id);
        model.addAttribute("profile", profile);
        model.addAttribute("field", profile.field(field));
        return FIELD_FRAGMENT;
    }

    @PostMapping("/fields/{field}")
    String saveField(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable String field,
                     @RequestParam(required = false) List<String> value,
                     @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        requireField(member, field);
        // A boolean's checkbox comes after its hidden field: the last value is the one meant.
        String text = value == null || value.isEmpty() ? "" : value.getLast();
        String error = null;
        DuplicateContactException duplicate = null;
        try {
            contacts.updateField(member, id, field, text);
        } catch (InvalidContactException e) {
            error = e.messageFor(field) != null ? e.messageFor(field) : e.getMessage();
        } catch (DuplicateContactException e) {
            error = e.getMessage();
            duplicate = e;
        }
        ContactProfile profile = profiles.of(member, id);
        if (error == null && htmx == null) {
            redirect.addFlashAttribute("notice", "Saved " + profile.field(field).label() + ".");
            return "redirect:/audience/contacts/" + id;
        }
        if (error == null) {
            model.addAttribute("profile", profile);
            model.addAttribute("field", profile.field(field));
            model.addAttribute("saved", true);
            return FIELD_FRAGMENT;
        }
        model.addAttribute("duplicate", duplicate);
        model.addAttribute("typed", text);
        if (htmx == null) {
            return page(member, id, field, Map.of(field, error), model);
        }
        model.addAttribute("profile", profile);
        model.addAttribute("field", profile.field(field));
        model.addAttribute("fieldError", error);
        return EDITOR_FRAGMENT;
    }

    @PostMapping("/tags")
    String addTag(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam(defaultValue = "") String name,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        return act(member, id, htmx, model, redirect, "tag", () -> {
            contacts.tag(member, id, name);
            return "Tagged " + name.strip() + ".";
        });
    }

    @PostMapping("/tags/remove")
    String removeTag(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam(defaultValue = "") String name,
                     @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        return act(member, id, htmx, model, redirect, "tag", () -> {
            contacts.untag(member, id, name);
            return "Removed the tag " + name.strip() + ".";
        });
    }

    @PostMapping("/lists")
    String addToList(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam(defaultValue = "") String name,
                     @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        return act(member, id, htmx, model, redirect, "list", () -> {
            contacts.addToList(member, id, name);
            return "Added to the list " + name.strip() + ".";
        });
    }

    @PostMapping("/lists/remove")
    String removeFromList(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam(defaultValue = "") String name,
                          @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        return act(member, id, htmx, model, redirect, "list", () -> {
            contacts.removeFromList(member, id, name);
            return "Removed from the list " + name.strip() + ".";
        });
    }

    @PostMapping("/consent")
    String consent(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam(defaultValue = "") String status,
                   @RequestParam(defaultValue = "") String evidence,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        model.addAttribute("typedEvidence", evidence);
        return act(member, id, htmx, model, redirect, "consent", () -> {
            ConsentStatus chosen;
            try {
                chosen = ConsentStatus.ofCode(status);
            } catch (IllegalArgumentException e) {
                throw new FieldError("status", "Choose opted in, opted out or unknown.");
            }
            contacts.changeConsent(member, id, chosen, evidence);
            model.addAttribute("typedEvidence", "");
            return "SMS consent set to " + ConsentLabels.of(chosen) + ".";
        });
    }

    @PostMapping("/notes")
    String addNote(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam(defaultValue = "") String body,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        model.addAttribute("typedNote", body);
        return act(member, id, htmx, model, redirect, "note", () -> {
            notes.add(member, id, body);
            model.addAttribute("typedNote", "");
            return "Added your note.";
        });
    }

    @PostMapping("/notes/{noteId}/delete")
    String deleteNote(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long noteId,
                      @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        return act(member, id, htmx, model, redirect, "note", () -> {
            notes.delete(member, id, noteId);
            return "Deleted your note.";
        });
    }

    /**
     * Admins define a custom attribute from the profile and give this contact its value, in one
     * step and one transaction: a value that does not fit the type leaves no attribute behind.
     */
    @PostMapping("/attributes")
    String addAttribute(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam(defaultValue = "") String label,
                        @RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "text") String type,
                        @RequestParam(defaultValue = "") String choices, @RequestParam(defaultValue = "") String value,
                        @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        if (!member.managesAccount()) {
            throw new AccessDeniedException("Only owners and admins add attributes");
        }
        model.addAttribute("newAttribute", Map.of("label", label, "key", key, "type", type, "choices", choices, "value", value));
        return act(member, id, htmx, model, redirect, "attribute", () -> transactions.execute(tx -> {
            String cleanLabel = label.strip();
            if (cleanLabel.isEmpty() || cleanLabel.length() > 100) {
                throw new FieldError("attribute", "Give the attribute a label of 1 to 100 characters, for example Birthday.");
            }
            String cleanKey = key.isBlank() ? keyOf(cleanLabel) : key.strip();
            if (!KEY.matcher(cleanKey).matches()) {
                throw new FieldError("attribute", "The key '" + cleanKey + "' must start with a letter and have only a-z, 0-9 and _ (at most 63).");
            }
            if (RESERVED.contains(cleanKey) || DefaultFields.ALL.stream().anyMatch(field -> field.key().equals(cleanKey))) {
                throw new FieldError("attribute", "'" + cleanKey + "' is a default field of every contact; choose another key.");
            }
            AttributeType attributeType;
            try {
                attributeType = AttributeType.ofCode(type);
            } catch (IllegalArgumentException e) {
                throw new FieldError("attribute", "Choose a type: text, number, date, yes/no, choice or web address.");
            }
            List<String> choiceList = Arrays.stream(choices.split(",")).map(String::strip).filter(choice -> !choice.isEmpty()).distinct().toList();
            if (attributeType == AttributeType.CHOICE && choiceList.isEmpty()) {
                throw new FieldError("attribute", "List the choices, separated by commas (for example Gold, Silver, Bronze).");
            }
            try {
                definitions.create(member.accountId(), cleanKey, cleanLabel, attributeType,
                        attributeType == AttributeType.CHOICE ? choiceList : List.of());
            } catch (DuplicateKeyException e) {
                throw new FieldError("attribute", "An attribute with the key '" + cleanKey + "' or the label '" + cleanLabel + "' exists already.");
            }
            if (!value.isBlank()) {
                try {
                    contacts.updateField(member, id, "attributes." + cleanKey, value);
                } catch (InvalidContactException e) {
                    throw new FieldError("attribute", e.getMessage());
                }
            }
            model.addAttribute("newAttribute", Map.of());
            return "Added the attribute " + cleanLabel + ".";
        }));
    }

    private interface Action {
        String run();
    }

    /** Runs a profile action; on a field error shows it in the action's section, otherwise the refreshed profile. */
    private String act(Member member, long id, String htmx, Model model, RedirectAttributes redirect, String section, Action action) {
        contacts.get(member, id);
        String notice;
        try {
            notice = action.run();
        } catch (FieldError | ConflictException e) {
            Map<String, String> errors = new HashMap<>();
            errors.put(section, e.getMessage());
            if (htmx == null) {
                return page(member, id, null, errors, model);
            }
            fill(member, id, null, errors, model);
            return PROFILE_FRAGMENT;
        }
        if (htmx == null) {
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/audience/contacts/" + id;
        }
        fill(member, id, null, Map.of(), model);
        model.addAttribute("status", notice);
        return PROFILE_FRAGMENT;
    }

    private String page(Member member, long id, String editing, Map<String, String> errors, Model model) {
        fill(member, id, editing, errors, model);
        return PROFILE_PAGE;
    }

    private void fill(Member member, long id, String editing, Map<String, String> errors, Model model) {
        model.addAttribute("profile", profiles.of(member, id));
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        model.addAttribute("tagChoices", pages.tags(member.accountId()));
        model.addAttribute("listChoices", pages.lists(member.accountId()));
        model.addAttribute("attributeTypes", AttributeType.values());
        if (!model.containsAttribute("newAttribute")) {
            model.addAttribute("newAttribute", Map.of());
        }
    }

    private void requireField(Member member, String field) {
        if (!contacts.isField(member.accountId(), field)) {
            throw new NotFoundException("Field " + field);
        }
    }

    /** "Favourite colour" -> "favourite_colour". */
    private static String keyOf(String label) {
        String key = label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (key.isEmpty() || !Character.isLetter(key.charAt(0))) {
            key = "attr_" + key;
        }
        return key.length() > 63 ? key.substring(0, 63) : key;
    }
}
