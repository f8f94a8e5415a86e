package switchboard.audience;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Normalizes many phone numbers for one default country, remembering each raw text's answer:
 * libphonenumber's parse and validation is the CPU hot spot of an import (about 5 µs a number,
 * docs/performance.md), and exported files repeat numbers. Not thread-safe: one per worker.
 * The memory is bounded; when full it starts over.
 */
public final class PhoneNumbers {

    private static final int CAPACITY = 200_000;
    private static final PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
    private final String defaultCountry;
    private final boolean northAmerican;
    private final Map<String, Object> answers = new HashMap<>();

    public PhoneNumbers(String defaultCountry) {
        this.defaultCountry = defaultCountry;
        this.northAmerican = defaultCountry != null
                && numbers.getCountryCodeForRegion(defaultCountry.toUpperCase(Locale.ROOT)) == 1;
    }

    /**
     * The E.164 text of {@code raw}.
     *
     * @throws InvalidPhoneNumberException when raw is not a valid number
     */
    public String e164(String raw) {
        Object answer = answers.get(raw);
        if (answer == null) {
            answer = northAmerican ? northAmerican(raw) : null;
            if (answer == null) {
                try {
                    answer = PhoneNumber.toE164(raw, defaultCountry);
                } catch (InvalidPhoneNumberException e) {
                    answer = e;
                }
            }
            if (answers.size() >= CAPACITY) {
                answers.clear();
            }
            answers.put(raw, answer);
        }
        if (answer instanceof InvalidPhoneNumberException invalid) {
            throw invalid;
        }
        return (String) answer;
    }

    /**
     * The shortcut for the commonest case, a North American number in an account of a North
     * American country: "(212) 234-0101", "212.234.0101", "+1 212 234 0101", "1-212-234-0101" are
     * ten digits NXX-NXX-XXXX (with an optional leading 1 or +1) around spaces, dots, dashes and
     * parentheses. These are exactly what libphonenumber's parse reduces them to, so the shortcut
     * skips only the parse (its regular expressions were most of the import's CPU time) and keeps
     * libphonenumber's validation. Anything else, and any number it finds invalid, takes the full
     * path (which also words the error).
     */
    private static String northAmerican(String raw) {
        char[] digits = new char[11];
        int count = 0;
        boolean plus = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                if (count == digits.length) {
                    return null;
                }
                digits[count++] = c;
            } else if (c == '+' && count == 0 && !plus) {
                plus = true;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return null;
            }
        }
        int start;
        if (count == 11 && digits[0] == '1') {
            start = 1;
        } else if (count == 10 && !plus) {
            start = 0;
        } else {
            return null;
        }
        if (digits[start] < '2' || digits[start + 3] < '2') {
            return null;
        }
        String national = new String(digits, start, 10);
        Phonenumber.PhoneNumber number = new Phonenumber.PhoneNumber().setCountryCode(1).setNationalNumber(Long.parseLong(national));
        return validNorthAmerican(number) ? "+1" + national : null;
    }

    /**
     * libphonenumber's isValidNumber, twice as fast for US numbers: it first finds the number's
     * region by trying the regions of +1 in order, the US first (it has no leading-digits rule, so
     * the US is chosen exactly when the number is valid there), and then validates the number
     * against that region again, which matches the same patterns a second time.
     */
    private static boolean validNorthAmerican(Phonenumber.PhoneNumber number) {
        return numbers.isValidNumberForRegion(number, "US") || numbers.isValidNumber(number);
    }
}
