package switchboard.audience.attribute;

import java.util.List;

/** A custom attribute an admin defined: key (used in merge fields and filters), label, type. */
public record AttributeDefinition(long id, String key, String label, AttributeType type, List<String> choices) {
}
