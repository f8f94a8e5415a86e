package switchboard.platform.web;

/**
 * An error the user can fix in one named field. Forms show it beside the field; the API answers
 * 400 with a problem detail naming the field.
 */
public class FieldError extends RuntimeException {

    private final String field;

    public FieldError(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
