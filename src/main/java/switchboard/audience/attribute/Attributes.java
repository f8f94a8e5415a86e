package switchboard.audience.attribute;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import switchboard.platform.live.LiveEvents;
import switchboard.platform.web.ConflictException;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.NotFoundException;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The custom attributes of an account: define, relabel, edit choices, delete. The account always
 * comes from the caller's principal; another account's attribute is "not found". Who may change
 * definitions (owners and admins) is checked by the controllers.
 */
@Service
public class Attributes {

    /** What tabs hear when a definition changes: contact forms and filters offer the new set. */
    public static final String LIVE_TYPE = "attributes.changed";

    static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
    static final int MAX_LABEL = 100;
    static final int MAX_CHOICES = 200;
    static final int MAX_CHOICE = 100;

    /**
     * Default fields and the names filters, exports and merge fields already use: a custom
     * attribute with one of these keys would be ambiguous everywhere a key names a value.
     */
    public static final Set<String> RESERVED_KEYS = Set.of("first_name", "last_name", "phone", "email", "company", "source",
            "created_at", "updated_at", "tags", "lists", "consent");

    private static final Logger log = LoggerFactory.getLogger(Attributes.class);

    private final AttributeDefinitionRepository definitions;
    private final LiveEvents live;

    Attributes(AttributeDefinitionRepository definitions, LiveEvents live) {
        this.definitions = definitions;
        this.live = live;
    }

    /** What a form or the API asks for; key, type and choices may be missing where they do not change. */
    public record Draft(String key, String label, AttributeType type, List<String> choices) {
    }

    /** By label. */
    public List<AttributeDefinition> all(long accountId) {
        return definitions.all(accountId);
    }

    public AttributeDefinition get(long accountId, long id) {
        return definitions.find(accountId, id).orElseThrow(() -> new NotFoundException("Attribute " + id));
    }

    /** The key a label suggests: lower case ASCII words joined by underscores ("Date of birth" -> date_of_birth). */
    public static String keyFor(String label) {
        String ascii = Normalizer.normalize(label == null ? "" : label, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String key = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (!key.isEmpty() && !Character.isLetter(key.charAt(0))) {
            key = "a_" + key;
        }
        return key.length() > 63 ? key.substring(0, 63).replaceAll("_+$", "") : key;
    }

    @Transactional
    public AttributeDefinition create(long accountId, Draft draft) {
        String label = label(draft.label());
        String key = draft.key() == null || draft.key().isBlank() ? keyFor(label) : draft.key().strip();
        requireKey(key, draft.key() == null || draft.key().isBlank());
        if (draft.type() == null) {
            throw new FieldError("type", "Choose the type of the attribute");
        }
        List<String> choices = choices(draft.type(), draft.choices());
        List<AttributeDefinition> existing = definitions.all(accountId);
        for (AttributeDefinition other : existing) {
            if (other.key().equals(key)) {
                throw new FieldError("key", "The attribute " + other.label() + " already has the key " + key + ". Choose another key.");
            }
            if (other.label().equalsIgnoreCase(label)) {
                throw duplicateLabel(label);
            }
        }
        long id;
        try {
            id = definitions.create(accountId, key, label, draft.type(), choices);
        } catch (DuplicateKeyException e) {
            // A teammate saved the same key or label at the same moment.
            throw new ConflictException("An attribute with the key " + key + " or the label " + label + " was just added. Reload and check.");
        }
        log.info("Attribute {} ({}) created in account {}", id, key, accountId);
        live.publish(accountId, LIVE_TYPE, id, "Contact attribute " + label + " was added");
        return get(accountId, id);
    }

    /**
     * Changes the label, the type while no contact has a value, and the choices; a choice that
     * contacts hold goes only with {@link #update(long, long, Draft, boolean) the admin's consent}.
     *
     * @throws ChoicesInUseException when a removed choice is held by contacts
     */
    @Transactional
    public AttributeDefinition update(long accountId, long id, Draft draft) {
        return update(accountId, id, draft, false);
    }

    /**
     * As {@link #update(long, long, Draft)}; with removeHeldChoices, choices that contacts hold
     * may go too. Those contacts keep the value as it is (filters find it, exports write it, and
     * editing their other fields still works), but nobody can choose it again.
     */
    @Transactional
    public AttributeDefinition update(long accountId, long id, Draft draft, boolean removeHeldChoices) {
        AttributeDefinition current = get(accountId, id);
        String label = draft.label() == null ? current.label() : label(draft.label());
        if (draft.key() != null && !draft.key().isBlank() && !draft.key().strip().equals(current.key())) {
            throw new FieldError("key", "The key cannot change: merge fields, filters and integrations already use "
                    + current.key() + ". Add a new attribute instead.");
        }
        AttributeType type = draft.type() == null ? current.type() : draft.type();
        if (type != current.type() && definitions.anyContactHasValue(accountId, current.key())) {
            throw new FieldError("type", "The type cannot change because contacts already have a " + current.label()
                    + " value of type " + current.type().label().toLowerCase(Locale.ROOT)
                    + ". Add a new attribute with the new type, or delete this one first.");
        }
        List<String> choices = draft.choices() == null && type == current.type() ? current.choices() : choices(type, draft.choices());
        if (current.type() == AttributeType.CHOICE && type == AttributeType.CHOICE) {
            List<String> removed = current.choices().stream()
                    .filter(old -> choices.stream().noneMatch(kept -> kept.equalsIgnoreCase(old))).toList();
            long holding = definitions.contactsWithChoices(accountId, current.key(), removed);
            if (holding > 0 && !removeHeldChoices) {
                throw new ChoicesInUseException(definitions.choicesHeld(accountId, current.key(), removed), holding);
            }
            if (holding > 0) {
                log.info("Attribute {} ({}) in account {}: choices {} removed while {} contacts hold them", id, current.key(), accountId,
                        removed, holding);
            }
        }
        for (AttributeDefinition other : definitions.all(accountId)) {
            if (other.id() != id && other.label().equalsIgnoreCase(label)) {
                throw duplicateLabel(label);
            }
        }
        try {
            definitions.update(accountId, id, label, type, choices);
        } catch (DuplicateKeyException e) {
            throw duplicateLabel(label);
        }
        live.publish(accountId, LIVE_TYPE, id, "Contact attribute " + label + " was changed");
        return get(accountId, id);
    }

    /** Whether any contact has a value (then the type is fixed). */
    public boolean hasValues(long accountId, long id) {
        return definitions.anyContactHasValue(accountId, get(accountId, id).key());
    }

    /** How many contacts would lose a value if the attribute were deleted (the confirmation says so). */
    public long contactsWithValue(long accountId, long id) {
        return definitions.contactsWithValue(accountId, get(accountId, id).key());
    }

    /**
     * Deletes the definition and removes its values from every contact; returns how many contacts
     * had a value. Refused while a segment's conditions name it, since the segment would then
     * match nothing without saying why.
     */
    @Transactional
    public long delete(long accountId, long id) {
        AttributeDefinition definition = get(accountId, id);
        List<String> segments = definitions.segmentsUsing(accountId, definition.key());
        if (!segments.isEmpty()) {
            throw new ConflictException("The segment" + (segments.size() == 1 ? " " : "s ") + String.join(", ", segments)
                    + " filter" + (segments.size() == 1 ? "s" : "") + " on " + definition.label()
                    + ". Remove those conditions first.");
        }
        long removed = definitions.removeValues(accountId, definition.key());
        definitions.delete(accountId, id);
        log.info("Attribute {} ({}) deleted in account {}; removed from {} contacts", id, definition.key(), accountId, removed);
        live.publish(accountId, LIVE_TYPE, id, "Contact attribute " + definition.label() + " was deleted");
        return removed;
    }

    private static String label(String label) {
        String value = label == null ? "" : label.strip();
        if (value.isEmpty() || value.length() > MAX_LABEL) {
            throw new FieldError("label", "Name the attribute in 1 to " + MAX_LABEL + " characters, for example Birthday or Plan.");
        }
        return value;
    }

    private static void requireKey(String key, boolean derived) {
        if (key.isEmpty() && derived) {
            throw new FieldError("key", "Type a key: the label has no letters to make one from.");
        }
        if (!KEY.matcher(key).matches()) {
            throw new FieldError("key", "A key starts with a lower-case letter and has only lower-case letters, digits and _ "
                    + "(at most 63 characters), for example date_of_birth.");
        }
        if (RESERVED_KEYS.contains(key)) {
            throw new FieldError("key", key + " is the key of a default field. Choose another key, for example my_" + key + ".");
        }
    }

    /** Choices only for a list of choices: trimmed, blank lines dropped, each once (ignoring case). */
    private static List<String> choices(AttributeType type, List<String> given) {
        if (type != AttributeType.CHOICE) {
            return List.of();
        }
        Map<String, String> distinct = new LinkedHashMap<>();
        for (String choice : given == null ? List.<String>of() : given) {
            String value = choice == null ? "" : choice.strip();
            if (value.isEmpty()) {
                continue;
            }
            if (value.length() > MAX_CHOICE) {
                throw new FieldError("choices", "The choice '" + value.substring(0, 20) + "...' is longer than " + MAX_CHOICE + " characters.");
            }
            if (distinct.putIfAbsent(value.toLowerCase(Locale.ROOT), value) != null) {
                throw new FieldError("choices", "The choice " + value + " is listed twice.");
            }
        }
        if (distinct.isEmpty()) {
            throw new FieldError("choices", "Give the choices, one per line, for example Bronze, Silver, Gold.");
        }
        if (distinct.size() > MAX_CHOICES) {
            throw new FieldError("choices", "A list has at most " + MAX_CHOICES + " choices.");
        }
        return new ArrayList<>(distinct.values());
    }

    private static FieldError duplicateLabel(String label) {
        return new FieldError("label", "An attribute labelled " + label + " already exists. Choose another label.");
    }
}
