package switchboard.audience.filter;

import switchboard.audience.attribute.AttributeType;

import java.util.List;

/**
 * An attribute a condition can name: a default field of every contact or a custom attribute an
 * admin defined. {@link #operators()} is what a condition editor offers for it.
 */
public record AttributeField(String key, String label, AttributeType type, List<String> choices, boolean custom) {

    public AttributeField {
        choices = List.copyOf(choices);
    }

    /** Whether a value is one of the choices, ignoring case; a condition may still name one an admin removed since. */
    public boolean offers(String value) {
        return value != null && choices.stream().anyMatch(choice -> choice.equalsIgnoreCase(value.strip()));
    }

    public List<ConditionOperator> operators() {
        return switch (type) {
            case TEXT, URL -> List.of(ConditionOperator.EQUALS, ConditionOperator.CONTAINS, ConditionOperator.IS_SET, ConditionOperator.NOT_SET);
            case NUMBER -> List.of(ConditionOperator.EQUALS, ConditionOperator.GREATER, ConditionOperator.LESS, ConditionOperator.IS_SET, ConditionOperator.NOT_SET);
            case DATE -> List.of(ConditionOperator.EQUALS, ConditionOperator.BEFORE, ConditionOperator.AFTER, ConditionOperator.IS_SET, ConditionOperator.NOT_SET);
            case BOOLEAN, CHOICE -> List.of(ConditionOperator.EQUALS, ConditionOperator.IS_SET, ConditionOperator.NOT_SET);
        };
    }
}
