package switchboard.accounts.team;

import switchboard.platform.web.FieldError;

import java.util.Locale;
import java.util.regex.Pattern;

/** Light email validation: one @, a dot in the domain, no spaces. Delivery is the real test. */
public final class ValidEmail {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private ValidEmail() {
    }

    public static String normalize(String email) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (address.length() > 254 || !SHAPE.matcher(address).matches()) {
            throw new FieldError("email", "Enter an email address such as name@example.com.");
        }
        return address;
    }
}
