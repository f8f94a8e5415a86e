package switchboard.audience.segment;

import switchboard.audience.filter.AttributeField;
import switchboard.audience.filter.ConditionOperator;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One row of the segment editor's conditions, as typed (not yet checked): the attribute's field
 * (null while none is chosen) decides which operators are offered and which value control shows.
 */
public record ConditionRow(String rowId, String attribute, String operator, String value, AttributeField field) {

    private static final AtomicLong ROWS = new AtomicLong();

    static ConditionRow of(String attribute, String operator, String value, List<AttributeField> fields) {
        String key = attribute == null ? "" : attribute;
        AttributeField field = fields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
        String typed = operator == null ? "" : operator;
        String op = field != null && field.operators().stream().noneMatch(o -> o.code().equals(typed))
                ? field.operators().getFirst().code() : typed;
        // Ids only tie each row's labels to its controls; unique within any page.
        return new ConditionRow("c" + ROWS.incrementAndGet(), key, op, value == null ? "" : value, field);
    }

    public boolean blank() {
        return attribute.isEmpty();
    }

    /** The operators the attribute's type has; all of them while no attribute is chosen. */
    public List<ConditionOperator> operators() {
        return field == null ? Arrays.asList(ConditionOperator.values()) : field.operators();
    }

    public boolean needsValue() {
        return operator.isEmpty() || operators().stream().filter(o -> o.code().equals(operator)).findFirst()
                .map(ConditionOperator::needsValue).orElse(true);
    }

    /** Which control the value gets: text, number, date, boolean or choice. */
    public String valueKind() {
        if (field == null) {
            return "text";
        }
        return switch (field.type()) {
            case NUMBER -> "number";
            case DATE -> "date";
            case BOOLEAN -> "boolean";
            case CHOICE -> "choice";
            case TEXT, URL -> "text";
        };
    }
}
