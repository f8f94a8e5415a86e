package switchboard.audience.attribute;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The type of a custom attribute, and how a typed-in or imported text becomes its stored JSON
 * value (a JSON literal: string, number or boolean; dates as ISO strings so they sort as text).
 */
public enum AttributeType {
    TEXT("text"), NUMBER("number"), DATE("date"), BOOLEAN("boolean"), CHOICE("choice"), URL("url");

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("M/d/uuuu"), DateTimeFormatter.ofPattern("d.M.uuuu"));

    private final String code;

    AttributeType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** How forms name the type. */
    public String label() {
        return switch (this) {
            case TEXT -> "Text";
            case NUMBER -> "Number";
            case DATE -> "Date";
            case BOOLEAN -> "Yes/no";
            case CHOICE -> "List of choices";
            case URL -> "Web address (URL)";
        };
    }

    public static AttributeType ofCode(String code) {
        for (AttributeType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown attribute type " + code);
    }

    /**
     * The JSON literal for {@code text}.
     *
     * @throws IllegalArgumentException with a message for the user when the text does not fit the type
     */
    public String toJson(String text, List<String> choices) {
        String value = text.strip();
        return switch (this) {
            case TEXT -> quoted(limit(value, 1000));
            case NUMBER -> number(value);
            case DATE -> quoted(date(value).toString());
            case BOOLEAN -> bool(value);
            case CHOICE -> quoted(choice(value, choices));
            case URL -> quoted(url(value));
        };
    }

    private static String limit(String value, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException("is longer than " + max + " characters");
        }
        return value;
    }

    private static String number(String value) {
        try {
            return new BigDecimal(value.replace(",", "")).toPlainString();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number");
        }
    }

    /** The format is chosen by the separator (a failed parse throws, which costs more than the parse). */
    private static LocalDate date(String value) {
        DateTimeFormatter format = value.indexOf('/') > 0 ? DATE_FORMATS.get(1)
                : value.indexOf('.') > 0 ? DATE_FORMATS.get(2) : DATE_FORMATS.get(0);
        try {
            return LocalDate.parse(value, format);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date (write 2026-11-26)");
        }
    }

    private static String bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "x" -> "true";
            case "false", "no", "n", "0" -> "false";
            default -> throw new IllegalArgumentException("'" + value + "' is not yes or no");
        };
    }

    private static String choice(String value, List<String> choices) {
        return choices.stream().filter(c -> c.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not one of " + String.join(", ", choices)));
    }

    private static String url(String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https")) && uri.getHost() != null) {
                return limit(value, 2000);
            }
        } catch (IllegalArgumentException ignored) {
            // reported below like any other non-URL
        }
        throw new IllegalArgumentException("'" + value + "' is not a web address (https://...)");
    }

    /** A JSON string literal. */
    public static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
