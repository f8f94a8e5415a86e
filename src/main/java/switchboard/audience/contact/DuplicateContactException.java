package switchboard.audience.contact;

import switchboard.platform.web.ConflictException;

/**
 * Another contact of the account already has this phone number or email address. Carries that
 * contact's id so the form links to it and the API answers it as existingContactId.
 */
public class DuplicateContactException extends ConflictException {

    private final String field;
    private final long existingContactId;
    private final String existingName;

    DuplicateContactException(String field, String value, long existingContactId, String existingName) {
        super((field.equals("phone") ? "The phone number " : "The email address ") + value + " already belongs to " + existingName + ".");
        this.field = field;
        this.existingContactId = existingContactId;
        this.existingName = existingName;
    }

    public String field() {
        return field;
    }

    public long existingContactId() {
        return existingContactId;
    }

    public String existingName() {
        return existingName;
    }
}
