package switchboard.audience.filter;

/** A filter or segment condition that cannot be applied; the message is for the user. */
public class InvalidConditionException extends RuntimeException {

    public InvalidConditionException(String message) {
        super(message);
    }
}
