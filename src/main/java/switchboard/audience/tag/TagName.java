package switchboard.audience.tag;

import switchboard.platform.web.FieldError;

/** A tag's name as people type it: trimmed, 1 to 60 characters. Unique per account, ignoring case. */
public record TagName(String value) {

    static final int MAX_LENGTH = 60;

    public TagName {
        value = value == null ? "" : value.strip();
        if (value.isEmpty()) {
            throw new FieldError("name", "Name the tag, for example VIP or Newsletter.");
        }
        if (value.length() > MAX_LENGTH) {
            throw new FieldError("name", "A tag name has at most " + MAX_LENGTH + " characters; this one has " + value.length() + ".");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
