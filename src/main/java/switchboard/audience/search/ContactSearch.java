package switchboard.audience.search;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import switchboard.audience.filter.SearchCondition;

import java.util.List;
import java.util.Map;

/**
 * The contact search box: what it matches is {@link SearchCondition} (a phone in any format, an
 * email, or name words). Results in a stable order (by id) a page at a time;
 * docs/performance.md times each kind at 1M contacts.
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
        if (query == null || query.isBlank()) {
            return List.of();
        }
        SearchCondition search = SearchCondition.of(query, defaultCountry, "s_");
        String condition = search.condition().sql();
        Map<String, Object> params = search.condition().params();
        if (!search.byName()) {
            return select(condition, accountId, limit, params);
        }
        List<Match> probe = query("""
                select id, first_name, last_name, phone, email
                from (select id, first_name, last_name, phone, email, search_name from contacts
                      where account_id = :account order by id limit %d) c
                where %s order by id limit :limit""".formatted(PROBE_WINDOW, condition), accountId, limit, params);
        if (probe.size() == limit) {
            return probe;
        }
        // A rare word: only the index's matches are read. Local settings keep the planner from
        // walking all contacts in id order, which its estimate for LIKE may make look cheap.
        return transactions.execute(tx -> {
            jdbc.sql("set local enable_seqscan = off").update();
            jdbc.sql("set local enable_indexscan = off").update();
            return select(condition, accountId, limit, params);
        });
    }

    private List<Match> select(String condition, long accountId, int limit, Map<String, Object> params) {
        return query("""
                select id, first_name, last_name, phone, email from contacts c
                where account_id = :account and %s
                order by id limit :limit""".formatted(condition), accountId, limit, params);
    }

    private List<Match> query(String sql, long accountId, int limit, Map<String, Object> params) {
        return jdbc.sql(sql).param("account", accountId).param("limit", limit).params(params).query((row, n) -> new Match(row.getLong("id"), row.getString("first_name"), row.getString("last_name"),
                row.getString("phone"), row.getString("email"))).list();
    }
}
