package switchboard.audience.importing;

import switchboard.audience.InvalidPhoneNumberException;
import switchboard.audience.PhoneNumbers;
import switchboard.audience.attribute.AttributeDefinition;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a source row into a {@link ContactRow} by the column mapping: normalizes the phone to
 * E.164 with the account's country, checks the email's shape and every length the database
 * would refuse, types custom attribute values. Everything the database could reject is checked
 * here, so a merged batch never fails on one row. One parser per thread (phone and attribute
 * answers are cached: files repeat cities, dates and choices on row after row).
 */
final class ContactRowParser {

    private static final int NAME_LIMIT = 200;
    private static final int ATTRIBUTE_CACHE = 50_000;

    private final ColumnMapping mapping;
    private final int headerFields;
    private final Map<String, AttributeDefinition> attributes;
    private final PhoneNumbers phones;
    /** Attribute key and raw value to the typed JSON value; bounded, starting over when full. */
    private final Map<String, String> attributeJson = new HashMap<>();

    ContactRowParser(ColumnMapping mapping, int headerFields, Map<String, AttributeDefinition> attributes, String defaultCountry) {
        this.mapping = mapping;
        this.headerFields = headerFields;
        this.attributes = attributes;
        this.phones = new PhoneNumbers(defaultCountry);
    }

    ContactRow parse(SourceRow row) throws RowRejectedException {
        String[] fields = row.fields();
        if (fields.length != headerFields) {
            throw new RowRejectedException("The row has " + fields.length + " fields, the header has " + headerFields
                    + " (a missing or extra delimiter, or an unclosed quote?)");
        }
        String phone = null;
        String email = null;
        String first = null;
        String last = null;
        String company = null;
        Map<String, String> values = null;
        for (int column = 0; column < fields.length; column++) {
            String value = fields[column].strip();
            if (value.isEmpty()) {
                continue;
            }
            switch (mapping.target(column)) {
                case ColumnTarget.Field(ContactField field) -> {
                    switch (field) {
                        case PHONE -> phone = phone(value);
                        case EMAIL -> email = email(value);
                        case FIRST_NAME -> first = limited(value, "first name");
                        case LAST_NAME -> last = limited(value, "last name");
                        case COMPANY -> company = limited(value, "company");
                        case FULL_NAME -> {
                            String[] split = splitFullName(value);
                            first = split[0] == null ? null : limited(split[0], "first name");
                            last = split[1] == null ? null : limited(split[1], "last name");
                        }
                    }
                }
                case ColumnTarget.Attribute(String key) -> {
                    if (values == null) {
                        values = new LinkedHashMap<>();
                    }
                    values.put(key, attribute(key, value));
                }
                case ColumnTarget.Ignored ignored -> {
                    // the importer chose not to import this column
                }
            }
        }
        if (phone == null && email == null) {
            throw new RowRejectedException("The row has neither a phone number nor an email address");
        }
        return new ContactRow(row, phone, email, first, last, company, values);
    }

    private String phone(String value) throws RowRejectedException {
        try {
            return phones.e164(value);
        } catch (InvalidPhoneNumberException e) {
            throw new RowRejectedException("Phone: " + e.getMessage());
        }
    }

    private static String email(String value) throws RowRejectedException {
        if (value.length() > 320 || !looksLikeEmail(value)) {
            throw new RowRejectedException("Email: '" + value + "' is not an email address");
        }
        return value;
    }

    /** One @ with text before it and a dotted domain after it, no spaces; checked by hand, not by a regular expression per row. */
    static boolean looksLikeEmail(String value) {
        int at = value.indexOf('@');
        if (at <= 0 || at != value.lastIndexOf('@')) {
            return false;
        }
        int dot = value.lastIndexOf('.');
        if (dot < at + 2 || dot == value.length() - 1) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String limited(String value, String what) throws RowRejectedException {
        if (value.length() > NAME_LIMIT) {
            throw new RowRejectedException("The " + what + " is longer than " + NAME_LIMIT + " characters");
        }
        return value;
    }

    private String attribute(String key, String value) throws RowRejectedException {
        AttributeDefinition definition = attributes.get(key);
        if (definition == null) {
            throw new RowRejectedException("Custom attribute '" + key + "' does not exist");
        }
        String cacheKey = key + '\u0000' + value;
        String cached = attributeJson.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        try {
            String json = definition.type().toJson(value, definition.choices());
            if (attributeJson.size() >= ATTRIBUTE_CACHE) {
                attributeJson.clear();
            }
            attributeJson.put(cacheKey, json);
            return json;
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(definition.label() + ": " + e.getMessage());
        }
    }

    /** "Smith, John" is last-comma-first; otherwise the last word is the last name. */
    static String[] splitFullName(String name) {
        int comma = name.indexOf(',');
        if (comma > 0) {
            return new String[]{blankToNull(name.substring(comma + 1)), blankToNull(name.substring(0, comma))};
        }
        int space = name.lastIndexOf(' ');
        if (space < 0) {
            return new String[]{name, null};
        }
        return new String[]{blankToNull(name.substring(0, space)), blankToNull(name.substring(space + 1))};
    }

    private static String blankToNull(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
