package switchboard.audience.search;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import switchboard.audience.InvalidPhoneNumberException;
import switchboard.audience.PhoneNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The contact search box: a phone in any format (parsed with the account's country, then an
 * exact match on the unique phone index), an email (exact, any case, or its beginning), or name
 * words, each of which must match: a word of 3+ letters anywhere in "first last" (trigram index),
 * a word of 1-2 letters at the start of the first or last name (a 1-2 letter substring matches
 * nearly everyone; the trigram index answers word starts of any length). Results in a stable
 * order (by id) a page at a time; docs/performance.md times each kind at 1M contacts.
 *
 * <p>Name searches run in two steps because no single plan is fast for both common and rare
 * words, and the planner cannot tell them apart (pg_trgm estimates every LIKE alike): first the
 * account's first {@value #PROBE_WINDOW} contacts in id order are filtered (a few milliseconds);
 * if that fills the page, it is the right page, since rows come in id order. Otherwise the word is
 * rare (under one match in {@value #PROBE_WINDOW} / page rows), and the trigram index is asked for
 * all its matches, which are then few. Measured: a common 3-letter word took 100 ms through the
 * index alone (ten thousand scattered rows to fetch and sort), a rare one 150 ms by the id order alone.
 */
@Repository
public class ContactSearch {

    private static final Pattern PHONE_LIKE = Pattern.compile("[+()\\d\\s.\\-]{7,}");
    private static final int MAX_WORDS = 4;
    static final int PROBE_WINDOW = 20_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ContactSearch(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public record Match(long id, String firstName, String lastName, String phone, String email) {
    }

    public List<Match> search(long accountId, String defaultCountry, String query, int limit) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        if (PHONE_LIKE.matcher(text).matches()) {
            try {
                return select("phone = :phone", accountId, limit, List.of("phone"), List.of(PhoneNumber.parse(text, defaultCountry).e164()));
            } catch (InvalidPhoneNumberException notAPhone) {
                // fall through: digits can be part of a name search only if they are not a number
            }
        }
        if (text.contains("@")) {
            String key = text.toLowerCase(Locale.ROOT);
            return select("email_key like :email", accountId, limit, List.of("email"), List.of(escape(key) + "%"));
        }
        List<String> conditions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        String[] words = text.toLowerCase(Locale.ROOT).split("\\s+");
        for (int i = 0; i < Math.min(words.length, MAX_WORDS); i++) {
            String word = escape(words[i]);
            String name = "w" + i;
            if (words[i].length() >= 3) {
                conditions.add("search_name like :" + name);
                values.add("%" + word + "%");
                names.add(name);
            } else {
                conditions.add("(search_name like :" + name + " or search_name like :" + name + "b)");
                values.add(word + "%");
                names.add(name);
                values.add("% " + word + "%");
                names.add(name + "b");
            }
        }
        String condition = String.join(" and ", conditions);
        List<Match> probe = query("""
                select id, first_name, last_name, phone, email
                from (select id, first_name, last_name, phone, email, search_name from contacts
                      where account_id = :account order by id limit %d) first_contacts
                where %s order by id limit :limit""".formatted(PROBE_WINDOW, condition), accountId, limit, names, values);
        if (probe.size() == limit) {
            return probe;
        }
        // A rare word: only the index's matches are read. Local settings keep the planner from
        // walking all contacts in id order, which its estimate for LIKE may make look cheap.
        return transactions.execute(tx -> {
            jdbc.sql("set local enable_seqscan = off").update();
            jdbc.sql("set local enable_indexscan = off").update();
            return select(condition, accountId, limit, names, values);
        });
    }

    private List<Match> select(String condition, long accountId, int limit, List<String> names, List<Object> values) {
        return query("""
                select id, first_name, last_name, phone, email from contacts
                where account_id = :account and %s
                order by id limit :limit""".formatted(condition), accountId, limit, names, values);
    }

    private List<Match> query(String sql, long accountId, int limit, List<String> names, List<Object> values) {
        var statement = jdbc.sql(sql).param("account", accountId).param("limit", limit);
        for (int i = 0; i < names.size(); i++) {
            statement = statement.param(names.get(i), values.get(i));
        }
        return statement.query((row, n) -> new Match(row.getLong("id"), row.getString("first_name"), row.getString("last_name"),
                row.getString("phone"), row.getString("email"))).list();
    }

    /** LIKE's wildcards typed by the user are literal characters. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
