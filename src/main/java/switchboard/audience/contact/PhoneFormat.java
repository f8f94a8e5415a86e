package switchboard.audience.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * A stored E.164 number as people read it: nationally formatted when it is from the account's
 * own country ("(212) 234-0101"), internationally otherwise ("+44 20 7946 0958").
 */
public final class PhoneFormat {

    private static final PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();

    private PhoneFormat() {
    }

    public static String display(String e164, String accountCountry) {
        if (e164 == null || e164.isBlank()) {
            return "";
        }
        try {
            var number = numbers.parse(e164, "ZZ");
            boolean home = accountCountry != null && accountCountry.equalsIgnoreCase(numbers.getRegionCodeForNumber(number));
            return numbers.format(number, home ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            // Stored numbers are E.164 by a check constraint; show the text itself if a future one is not parseable.
            return e164;
        }
    }
}
