package switchboard.audience.filter;

import java.util.Arrays;

/** How an attribute condition compares; which ones an attribute offers depends on its type ({@link AttributeField#operators()}). */
public enum ConditionOperator {
    EQUALS("equals", "is"),
    CONTAINS("contains", "contains"),
    IS_SET("is_set", "is set"),
    NOT_SET("not_set", "is not set"),
    BEFORE("before", "is before"),
    AFTER("after", "is after"),
    GREATER("greater", "is greater than"),
    LESS("less", "is less than");

    private final String code;
    private final String label;

    ConditionOperator(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** IS_SET and NOT_SET stand alone; every other operator compares with a value. */
    public boolean needsValue() {
        return this != IS_SET && this != NOT_SET;
    }

    public static ConditionOperator ofCode(String code) {
        return Arrays.stream(values()).filter(operator -> operator.code.equals(code)).findFirst()
                .orElseThrow(() -> new InvalidConditionException("'" + code + "' is not a condition operator"));
    }
}
