package switchboard.audience.list;

import switchboard.platform.web.FieldError;

/** A list's name: trimmed, 1 to 100 characters, unique per account ignoring case. */
public record ListName(String value) {

    static final int MAX_LENGTH = 100;

    public ListName {
        value = value == null ? "" : value.strip();
        if (value.isEmpty()) {
            throw new FieldError("name", "Name the list, for example Leads or Customers.");
        }
        if (value.length() > MAX_LENGTH) {
            throw new FieldError("name", "A list name has at most " + MAX_LENGTH + " characters; this one has " + value.length() + ".");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
