package switchboard.accounts.team;

import switchboard.platform.web.FieldError;

/** A password someone chooses: long enough to resist guessing; never logged or shown. */
public record NewPassword(String value) {

    public static final int MINIMUM_LENGTH = 10;

    public NewPassword {
        if (value == null || value.length() < MINIMUM_LENGTH) {
            throw new FieldError("password", "Choose a password of at least " + MINIMUM_LENGTH + " characters.");
        }
        if (value.length() > 200) {
            throw new FieldError("password", "Choose a password of at most 200 characters.");
        }
    }

    @Override
    public String toString() {
        return "NewPassword[hidden]";
    }
}
