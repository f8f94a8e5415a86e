package switchboard.audience.filter;

/**
 * One condition on a contact attribute: a default field key ({@code first_name}, {@code created_at}, ...)
 * or a custom attribute key, an operator, and the value to compare with (null for is set / not set).
 * This is also the JSON shape stored in {@code segments.conditions}.
 */
public record AttributeCondition(String attribute, ConditionOperator operator, String value) {

    public AttributeCondition {
        if (attribute == null || attribute.isBlank()) {
            throw new InvalidConditionException("Choose an attribute for the condition");
        }
        if (operator == null) {
            throw new InvalidConditionException("Choose how to compare " + attribute);
        }
        value = operator.needsValue() ? (value == null ? "" : value.strip()) : null;
        if (operator.needsValue() && value.isEmpty()) {
            throw new InvalidConditionException("Enter a value to compare " + attribute + " with");
        }
    }
}
