package switchboard.audience;

/** A text that is not a phone number; the message says which text and why, for the user. */
public class InvalidPhoneNumberException extends IllegalArgumentException {

    public InvalidPhoneNumberException(String message) {
        super(message);
    }
}
