package switchboard.audience.filter;

import switchboard.audience.attribute.AttributeType;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The attributes every contact has, as conditions and exports name them. Their keys are reserved:
 * a custom attribute may not take one ({@link #isReserved}).
 */
public final class DefaultFields {

    public static final List<AttributeField> ALL = List.of(
            field("first_name", "First name", AttributeType.TEXT),
            field("last_name", "Last name", AttributeType.TEXT),
            field("phone", "Phone", AttributeType.TEXT),
            field("email", "Email", AttributeType.TEXT),
            field("company", "Company", AttributeType.TEXT),
            new AttributeField("source", "Source", AttributeType.CHOICE,
                    List.of("manual", "import", "api", "sms", "webchat", "messenger"), false),
            field("created_at", "Created", AttributeType.DATE),
            field("updated_at", "Updated", AttributeType.DATE));

    /** Keys that name something else of a contact in imports, exports and merge fields. */
    private static final Set<String> OTHER_RESERVED = Set.of("id", "tags", "lists", "consent", "consent_status", "name", "full_name");

    private DefaultFields() {
    }

    public static Optional<AttributeField> find(String key) {
        return ALL.stream().filter(field -> field.key().equals(key)).findFirst();
    }

    public static boolean isReserved(String key) {
        return find(key).isPresent() || OTHER_RESERVED.contains(key);
    }

    private static AttributeField field(String key, String label, AttributeType type) {
        return new AttributeField(key, label, type, List.of(), false);
    }
}
