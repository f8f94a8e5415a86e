package switchboard.audience;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form (+ country code, at most 15 digits), the identity of a contact
 * for SMS. Always valid: the constructor refuses anything libphonenumber does not know as a
 * valid number; {@link #parse} reads the ways people write numbers, with a default country for
 * numbers written without their country code.
 */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new InvalidPhoneNumberException("'" + e164 + "' is not in E.164 form (+ and the country code, then up to 15 digits)");
        }
        if (!isValid(e164)) {
            throw new InvalidPhoneNumberException("'" + e164 + "' is not a valid phone number");
        }
    }

    /**
     * Reads a number as people write it ("(555) 234-5678", "+44 20 7946 0958", "00 33 1 ..."),
     * taking {@code defaultCountry} (ISO 3166 alpha-2, e.g. "US") for numbers without a country code.
     *
     * @throws InvalidPhoneNumberException with a message that names the text and the reason
     */
    public static PhoneNumber parse(String text, String defaultCountry) {
        return new PhoneNumber(toE164(text, defaultCountry));
    }

    /** Like {@link #parse} but only the E.164 text; the import's hot path skips the re-validation of a record. */
    static String toE164(String text, String defaultCountry) {
        if (text == null || text.isBlank()) {
            throw new InvalidPhoneNumberException("The phone number is empty");
        }
        String region = defaultCountry == null ? "ZZ" : defaultCountry.toUpperCase(Locale.ROOT);
        try {
            var number = numbers.parse(text, region);
            if (!numbers.isValidNumber(number)) {
                throw new InvalidPhoneNumberException("'" + text.strip() + "' is not a valid phone number"
                        + (text.strip().startsWith("+") ? "" : " for country " + region + " (add the country code, e.g. +44)"));
            }
            return numbers.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException("'" + text.strip() + "' is not a phone number: " + reason(e.getErrorType()));
        }
    }

    private static boolean isValid(String e164) {
        try {
            return numbers.isValidNumber(numbers.parse(e164, "ZZ"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static String reason(NumberParseException.ErrorType type) {
        return switch (type) {
            case INVALID_COUNTRY_CODE -> "unknown country code";
            case NOT_A_NUMBER -> "it has no digits or has letters";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
            case TOO_LONG -> "too long";
        };
    }

    /** Only the digits (what search compares phone fragments with). */
    public String digits() {
        return e164.substring(1);
    }

    @Override
    public String toString() {
        return e164;
    }
}
