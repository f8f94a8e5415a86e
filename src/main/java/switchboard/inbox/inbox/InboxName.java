package switchboard.inbox.inbox;

import switchboard.platform.web.FieldError;

/** An inbox's name as people see it: trimmed, 1 to 100 characters. Unique per account, ignoring case. */
public record InboxName(String value) {

    static final int MAX_LENGTH = 100;

    public InboxName {
        value = value == null ? "" : value.strip();
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new FieldError("name", "Name the inbox in 1 to " + MAX_LENGTH + " characters, for example Support or Sales.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
