package switchboard.audience.attribute;

import java.util.List;

/** A custom attribute an admin defined: key (used in merge fields and filters), label, type. */
public record AttributeDefinition(long id, String key, String label, AttributeType type, List<String> choices) {

    /**
     * Whether a value is one of the choices, ignoring case as forms and imports match them. A
     * contact may still hold a value that is not: one the admin removed from the choices since.
     */
    public boolean offers(String value) {
        return value != null && choices.stream().anyMatch(choice -> choice.equalsIgnoreCase(value.strip()));
    }
}
