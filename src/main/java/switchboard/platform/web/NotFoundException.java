package switchboard.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The thing asked for does not exist in the caller's account. Also the answer for things that
 * exist in another account: 404, never 403, so ids do not leak across tenants.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
