package switchboard.audience.filter;

import switchboard.audience.InvalidPhoneNumberException;
import switchboard.audience.PhoneNumber;
import switchboard.audience.attribute.AttributeType;

import java.util.List;
import java.util.Map;

/**
 * Turns one attribute condition into SQL on {@code contacts c}. Column names and operators come
 * only from the switch statements below (a whitelist); the attribute key of a custom attribute and
 * every value are bound parameters. Values are normalized the way stored values were (numbers
 * plain, dates ISO, booleans true/false, choices in their defined spelling), so comparisons are
 * exact.
 */
final class ConditionSql {

    private final Parameters params;
    private final String defaultCountry;
    private final String timeZone;

    ConditionSql(Parameters params, String defaultCountry, String timeZone) {
        this.params = params;
        this.defaultCountry = defaultCountry;
        this.timeZone = timeZone;
    }

    String of(AttributeField field, AttributeCondition condition) {
        if (!field.operators().contains(condition.operator())) {
            throw new InvalidConditionException("'" + condition.operator().label() + "' does not apply to " + field.label());
        }
        return field.custom() ? custom(field, condition) : standard(field, condition);
    }

    private String standard(AttributeField field, AttributeCondition condition) {
        String value = condition.value();
        return switch (field.key()) {
            case "first_name", "last_name", "company" -> text("c." + field.key(), condition);
            case "email" -> switch (condition.operator()) {
                case EQUALS -> "c.email_key = lower(" + params.add(value) + ")";
                case CONTAINS -> "c.email_key like lower(" + params.add(like(value)) + ")";
                default -> set("c.email", condition.operator());
            };
            case "phone" -> switch (condition.operator()) {
                case EQUALS -> "c.phone = " + params.add(phone(value));
                case CONTAINS -> "c.phone like " + params.add("%" + digits(value) + "%");
                default -> set("c.phone", condition.operator());
            };
            case "source" -> condition.operator() == ConditionOperator.EQUALS
                    ? "c.source = " + params.add(choice(field, value)) : set("c.source", condition.operator());
            case "created_at", "updated_at" -> {
                String day = "(c." + field.key() + " at time zone " + params.add(timeZone) + ")::date";
                yield switch (condition.operator()) {
                    case EQUALS -> day + " = cast(" + params.add(date(value)) + " as date)";
                    case BEFORE -> day + " < cast(" + params.add(date(value)) + " as date)";
                    case AFTER -> day + " > cast(" + params.add(date(value)) + " as date)";
                    default -> set("c." + field.key(), condition.operator());
                };
            }
            default -> throw new IllegalStateException("Default field without SQL: " + field.key());
        };
    }

    private String custom(AttributeField field, AttributeCondition condition) {
        String key = params.add(field.key());
        String json = "(c.attributes -> cast(" + key + " as text))";
        String text = "(c.attributes ->> cast(" + key + " as text))";
        String value = condition.value();
        return switch (condition.operator()) {
            case IS_SET -> json + " is not null";
            case NOT_SET -> json + " is null";
            case EQUALS -> switch (field.type()) {
                case TEXT, URL -> "lower(" + text + ") = lower(" + params.add(value) + ")";
                case NUMBER -> number(json, text) + " = cast(" + params.add(typed(field, value)) + " as numeric)";
                case BOOLEAN -> json + " = cast(" + params.add(typed(field, value)) + " as jsonb)";
                case DATE -> text + " = " + params.add(date(value));
                case CHOICE -> heldChoice(field, value, text);
            };
            case CONTAINS -> text + " ilike " + params.add(like(value));
            case GREATER -> number(json, text) + " > cast(" + params.add(typed(field, value)) + " as numeric)";
            case LESS -> number(json, text) + " < cast(" + params.add(typed(field, value)) + " as numeric)";
            // ISO dates (yyyy-mm-dd) sort as text, which is why dates are stored that way.
            case BEFORE -> text + " < " + params.add(date(value));
            case AFTER -> text + " > " + params.add(date(value));
        };
    }

    /** A number attribute as numeric; a value of another JSON type (never written, but possible through SQL) never matches. */
    private static String number(String json, String text) {
        return "(case when jsonb_typeof(" + json + ") = 'number' then cast(" + text + " as numeric) end)";
    }

    private String text(String column, AttributeCondition condition) {
        return switch (condition.operator()) {
            case EQUALS -> "lower(" + column + ") = lower(" + params.add(condition.value()) + ")";
            case CONTAINS -> column + " ilike " + params.add(like(condition.value()));
            default -> set(column, condition.operator());
        };
    }

    private static String set(String column, ConditionOperator operator) {
        return switch (operator) {
            case IS_SET -> "coalesce(cast(" + column + " as text), '') <> ''";
            case NOT_SET -> "coalesce(cast(" + column + " as text), '') = ''";
            default -> throw new IllegalStateException("Not a presence operator: " + operator);
        };
    }

    private static String like(String value) {
        return "%" + SearchCondition.escapeLike(value) + "%";
    }

    private String phone(String value) {
        try {
            return PhoneNumber.parse(value, defaultCountry).e164();
        } catch (InvalidPhoneNumberException e) {
            throw new InvalidConditionException("'" + value + "' is not a phone number");
        }
    }

    private static String digits(String value) {
        String digits = value.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            throw new InvalidConditionException("Enter digits to find in phone numbers");
        }
        return digits;
    }

    private static String date(String value) {
        return unquoted(typed(AttributeType.DATE, value, List.of(), "a date"));
    }

    private static String choice(AttributeField field, String value) {
        return field.choices().stream().filter(choice -> choice.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new InvalidConditionException(
                        field.label() + ": '" + value + "' is not one of " + String.join(", ", field.choices())));
    }

    /**
     * A choice in its defined spelling; a value that is no longer one of the choices (an admin
     * removed it while contacts held it) is compared as the contacts hold it, ignoring case, so
     * they can still be found and changed.
     */
    private String heldChoice(AttributeField field, String value, String text) {
        return field.choices().stream().filter(choice -> choice.equalsIgnoreCase(value.strip())).findFirst()
                .map(choice -> text + " = " + params.add(choice))
                .orElseGet(() -> "lower(" + text + ") = lower(" + params.add(value.strip()) + ")");
    }

    private static String typed(AttributeField field, String value) {
        return typed(field.type(), value, field.choices(), field.label());
    }

    private static String typed(AttributeType type, String value, List<String> choices, String what) {
        try {
            return type.toJson(value, choices);
        } catch (IllegalArgumentException e) {
            throw new InvalidConditionException(what + ": " + e.getMessage());
        }
    }

    private static String unquoted(String jsonString) {
        return jsonString.substring(1, jsonString.length() - 1);
    }

    /** Named parameters f_0, f_1, ... for one statement. */
    static final class Parameters {

        private final Map<String, Object> values;

        Parameters(Map<String, Object> values) {
            this.values = values;
        }

        String add(Object value) {
            String name = "f_" + values.size();
            values.put(name, value);
            return ":" + name;
        }

        /** Parameters named by their maker (f_s_... for the search), which never clash with f_0, f_1, ... */
        void putAll(Map<String, Object> named) {
            values.putAll(named);
        }
    }
}
