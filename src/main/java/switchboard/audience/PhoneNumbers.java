package switchboard.audience;

import java.util.HashMap;
import java.util.Map;

/**
 * Normalizes many phone numbers for one default country, remembering each raw text's answer:
 * libphonenumber's parse and validation is the CPU hot spot of an import (about 5 µs a number,
 * docs/performance.md), and exported files repeat numbers. Not thread-safe: one per worker.
 * The memory is bounded; when full it starts over.
 */
public final class PhoneNumbers {

    private static final int CAPACITY = 200_000;
    private final String defaultCountry;
    private final Map<String, Object> answers = new HashMap<>();

    public PhoneNumbers(String defaultCountry) {
        this.defaultCountry = defaultCountry;
    }

    /**
     * The E.164 text of {@code raw}.
     *
     * @throws InvalidPhoneNumberException when raw is not a valid number
     */
    public String e164(String raw) {
        Object answer = answers.get(raw);
        if (answer == null) {
            try {
                answer = PhoneNumber.toE164(raw, defaultCountry);
            } catch (InvalidPhoneNumberException e) {
                answer = e;
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
}
