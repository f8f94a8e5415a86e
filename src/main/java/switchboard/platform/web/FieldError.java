package switchboard.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An error the user can fix in one named field. Forms show it beside the field; the API answers
 * 400 with a problem detail naming the field.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
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
