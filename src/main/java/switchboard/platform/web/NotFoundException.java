package switchboard.platform.web;

/**
 * The thing asked for does not exist in the caller's account. Also the answer for things that
 * exist in another account: 404, never 403, so ids do not leak across tenants.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
