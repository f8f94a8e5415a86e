package switchboard.audience.contact;

import switchboard.platform.web.FieldError;

import java.util.List;

/**
 * Every field error of a contact at once, so a form marks them all in one round. As a
 * {@link FieldError} it names the first; the API lists all of them in "errors".
 */
public class InvalidContactException extends FieldError {

    private final List<FieldError> errors;

    InvalidContactException(List<FieldError> errors) {
        super(errors.getFirst().field(), errors.getFirst().getMessage());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The message for one field ("phone", "attributes.birthday"), or null. */
    public String messageFor(String field) {
        return errors.stream().filter(error -> error.field().equals(field)).map(FieldError::getMessage).findFirst().orElse(null);
    }
}
