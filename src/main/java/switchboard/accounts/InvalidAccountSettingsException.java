package switchboard.accounts;

import switchboard.platform.web.FieldError;

/** A user-correctable error in one field of a form or API request. */
public class InvalidAccountSettingsException extends FieldError {

    public InvalidAccountSettingsException(String field, String message) {
        super(field, message);
    }
}
