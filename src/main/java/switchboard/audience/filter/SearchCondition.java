package switchboard.audience.filter;

import switchboard.audience.InvalidPhoneNumberException;
import switchboard.audience.PhoneNumber;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the search box matches, as a condition on {@code contacts c}: a phone in any format
 * (parsed with the account's country, then an exact match on the unique phone index), an email
 * (any case, whole or its beginning), or name words, each of which must match: a word of 3+ letters
 * anywhere in "first last" (trigram index), a word of 1-2 letters at the start of the first or
 * last name (a 1-2 letter substring matches nearly everyone; the trigram index answers word starts
 * of any length).
 *
 * @param byName whether the text is matched against names (the case where the planner needs help, see ContactSearch)
 */
public record SearchCondition(SqlCondition condition, boolean byName) {

    private static final Pattern PHONE_LIKE = Pattern.compile("[+()\\d\\s.\\-]{7,}");
    private static final int MAX_WORDS = 4;

    public static SearchCondition of(String query, String defaultCountry, String prefix) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return new SearchCondition(SqlCondition.ALWAYS, false);
        }
        if (PHONE_LIKE.matcher(text).matches()) {
            try {
                String e164 = PhoneNumber.parse(text, defaultCountry).e164();
                return new SearchCondition(new SqlCondition("c.phone = :" + prefix + "phone", Map.of(prefix + "phone", e164)), false);
            } catch (InvalidPhoneNumberException notAPhone) {
                // fall through: digits can be part of a name search only if they are not a number
            }
        }
        if (text.contains("@")) {
            String key = escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
            return new SearchCondition(new SqlCondition("c.email_key like :" + prefix + "email", Map.of(prefix + "email", key)), false);
        }
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        String[] words = text.toLowerCase(Locale.ROOT).split("\\s+");
        for (int i = 0; i < Math.min(words.length, MAX_WORDS); i++) {
            String word = escapeLike(words[i]);
            String name = prefix + "w" + i;
            if (words[i].length() >= 3) {
                conditions.add("c.search_name like :" + name);
                params.put(name, "%" + word + "%");
            } else {
                conditions.add("(c.search_name like :" + name + " or c.search_name like :" + name + "b)");
                params.put(name, word + "%");
                params.put(name + "b", "% " + word + "%");
            }
        }
        return new SearchCondition(new SqlCondition(String.join(" and ", conditions), params), true);
    }

    /** LIKE's wildcards typed by the user are literal characters. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
