package switchboard.platform.web;

/** The request is valid but clashes with the current state (a duplicate name, the last owner). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
