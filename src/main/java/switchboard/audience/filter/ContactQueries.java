package switchboard.audience.filter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import switchboard.accounts.AccountView;
import switchboard.accounts.Accounts;
import switchboard.audience.ConsentStatus;
import switchboard.audience.attribute.AttributeDefinitionRepository;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Contacts chosen by a {@link ContactFilter}: a page of them, how many, or the filter as a SQL
 * condition for set-based bulk statements (tag every match, export every match). A segment is
 * resolved here too: a contact is a member if it has any of the segment's tags, is on any of its
 * lists or was picked by hand, and then matches every condition of the segment.
 *
 * <p>Pages come in id order (stable while contacts are added) with a keyset cursor, never an
 * offset, so page 4,000 of a million contacts costs what page 1 does.
 */
@Repository
public class ContactQueries {

    /** How many contacts, in id order, are filtered before the indexes are asked; see {@link #page}. */
    static final int PROBE_WINDOW = 20_000;
    static final int CANDIDATE_CHUNK = 1_000;
    static final int CANDIDATE_ROUNDS = 20;
    static final int LARGE_CHANGE = 10_000;

    private static final String COLUMNS = "c.id, c.first_name, c.last_name, c.phone, c.email, c.company, c.consent_status, c.source, c.created_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Accounts accounts;
    private final AttributeDefinitionRepository definitions;
    private final JsonMapper json;

    ContactQueries(JdbcClient jdbc, TransactionTemplate transactions, Accounts accounts,
                   AttributeDefinitionRepository definitions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.accounts = accounts;
        this.definitions = definitions;
        this.json = json;
    }

    /**
     * Tells the planner about a large change of tags or list members at once. Until autovacuum's
     * next ANALYZE (a minute or more later) it plans with the old counts: after 50,000 contacts
     * were tagged, a page of that tag was planned as if the tag had one member and took 80 s
     * instead of 3 ms. Imports do the same when they finish (ImportBatchRepository.makeSearchable).
     */
    public void membershipsChanged(long rows) {
        if (rows >= LARGE_CHANGE) {
            jdbc.sql("analyze contact_tags, list_members").update();
        }
    }

    /** What a condition may name: the default fields, then the account's custom attributes by label. */
    public List<AttributeField> fields(long accountId) {
        return Stream.concat(DefaultFields.ALL.stream(), definitions.all(accountId).stream()
                        .map(definition -> new AttributeField(definition.key(), definition.label(), definition.type(), definition.choices(), true)))
                .toList();
    }

    /**
     * The filter as a boolean expression on {@code contacts c} (the caller adds
     * {@code c.account_id = :account}).
     *
     * @throws InvalidConditionException when a condition names an unknown attribute, an operator
     *         its type does not have, a value of the wrong type, or a segment of another account
     */
    public SqlCondition condition(long accountId, ContactFilter filter) {
        return plan(accountId, filter).condition();
    }

    /**
     * The filter's condition, and when the filter requires membership of tags, lists or segments
     * with members chosen by tag, list or hand, the statement that lists those candidates in id
     * order (a superset of the matches, driven by the membership tables' primary keys).
     */
    private record Plan(SqlCondition condition, String candidates) {
    }

    private Plan plan(long accountId, ContactFilter filter) {
        if (filter.isEveryone()) {
            return new Plan(SqlCondition.ALWAYS, null);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Builder builder = new Builder(accountId, values);
        String sql = builder.build(filter);
        String candidates = builder.candidates(filter);
        return new Plan(new SqlCondition(sql, values), candidates);
    }

    /** The contacts after {@code afterId} (null: from the first), in id order. */
    public List<ContactSummary> page(long accountId, ContactFilter filter, Long afterId, int limit) {
        return page(accountId, filter, afterId, limit, true);
    }

    /** The contacts just before {@code beforeId}, in id order: the previous page. */
    public List<ContactSummary> pageBefore(long accountId, ContactFilter filter, long beforeId, int limit) {
        SqlCondition condition = condition(accountId, filter);
        List<ContactSummary> descending = jdbc.sql("""
                        select %s from contacts c
                        where c.account_id = :account and c.id < :before and (%s)
                        order by c.id desc limit :limit""".formatted(COLUMNS, condition.sql()))
                .param("account", accountId).param("before", beforeId).param("limit", limit).params(condition.params())
                .query(ContactQueries::summary).list();
        return descending.reversed();
    }

    public long count(long accountId, ContactFilter filter) {
        SqlCondition condition = condition(accountId, filter);
        return jdbc.sql("select count(*) from contacts c where c.account_id = :account and (%s)".formatted(condition.sql()))
                .param("account", accountId).params(condition.params()).query(Long.class).single();
    }

    /** The count, or {@code cap} when there are at least that many: a list's "100,000+" without counting a million. */
    public long countUpTo(long accountId, ContactFilter filter, long cap) {
        SqlCondition condition = condition(accountId, filter);
        return jdbc.sql("""
                        select count(*) from (select 1 from contacts c where c.account_id = :account and (%s) limit :cap) matching"""
                        .formatted(condition.sql()))
                .param("account", accountId).param("cap", cap).params(condition.params()).query(Long.class).single();
    }

    /**
     * No single plan is fast for both common and rare matches, and the planner cannot tell them
     * apart (pg_trgm estimates every LIKE alike; it does not know which contacts carry a tag), so:
     * <ul>
     * <li>a filter that requires a tag, list or segment reads those members' ids in id order from
     * the membership rows, {@value #CANDIDATE_CHUNK} at a time, and checks them against the whole
     * filter, for up to {@value #CANDIDATE_ROUNDS} rounds (a rare tag, or a common one, costs a
     * round or two; only when the rest of the filter is rare among many members do the rounds run
     * out, and the steps below go on from where they stopped);</li>
     * <li>otherwise the next {@value #PROBE_WINDOW} contacts in id order are filtered (a few
     * milliseconds); if that fills the page, it is the right page, since rows come in id order;</li>
     * <li>otherwise matches are rare: names are found through the trigram index, anything else by
     * the planner's own plan.</li>
     * </ul>
     * Measured at 1M contacts in docs/performance.md.
     */
    private List<ContactSummary> page(long accountId, ContactFilter filter, Long afterId, int limit, boolean probeFirst) {
        Plan plan = plan(accountId, filter);
        SqlCondition condition = plan.condition();
        long after = afterId == null ? 0 : afterId;
        if (filter.isEveryone()) {
            return select(accountId, condition, after, limit);
        }
        List<ContactSummary> found = new ArrayList<>();
        if (plan.candidates() != null) {
            for (int round = 0; round < CANDIDATE_ROUNDS; round++) {
                List<Long> candidates = jdbc.sql(plan.candidates())
                        .param("account", accountId).param("after", after).param("chunk", CANDIDATE_CHUNK).params(condition.params())
                        .query(Long.class).list();
                if (!candidates.isEmpty()) {
                    found.addAll(check(accountId, condition, candidates, limit - found.size()));
                }
                if (found.size() == limit || candidates.size() < CANDIDATE_CHUNK) {
                    return found;
                }
                after = candidates.getLast();
            }
        } else if (probeFirst) {
            List<ContactSummary> probe = jdbc.sql("""
                            select %s from (select * from contacts where account_id = :account and id > :after order by id limit %d) c
                            where %s order by c.id limit :limit""".formatted(COLUMNS, PROBE_WINDOW, condition.sql()))
                    .param("account", accountId).param("after", after).param("limit", limit).params(condition.params())
                    .query(ContactQueries::summary).list();
            if (probe.size() == limit) {
                return probe;
            }
        }
        long from = after;
        int rest = limit - found.size();
        boolean byName = filter.search() != null
                && SearchCondition.of(filter.search(), accounts.account(accountId).orElseThrow().defaultCountry(), "f_s_").byName();
        if (byName) {
            // A rare name: only the trigram index's matches are read. Local settings keep the planner
            // from walking all contacts in id order, which its estimate for LIKE may make look cheap.
            found.addAll(transactions.execute(tx -> {
                jdbc.sql("set local enable_seqscan = off").update();
                jdbc.sql("set local enable_indexscan = off").update();
                return select(accountId, condition, from, rest);
            }));
        } else {
            found.addAll(select(accountId, condition, from, rest));
        }
        return found;
    }

    /**
     * The candidates that match the whole filter. Each is looked up by its primary key and its
     * memberships by theirs: right for a thousand rows whatever the statistics say. Left to its
     * estimates, after a bulk tagging the planner was not yet told of, the planner scanned
     * contact_tags once per candidate (81 s for one page).
     */
    private List<ContactSummary> check(long accountId, SqlCondition condition, List<Long> candidates, int limit) {
        return transactions.execute(tx -> {
            jdbc.sql("set local enable_seqscan = off").update();
            jdbc.sql("set local enable_hashjoin = off").update();
            jdbc.sql("set local enable_mergejoin = off").update();
            return jdbc.sql("""
                            select %s from contacts c
                            where c.account_id = :account and c.id = any(:candidates) and (%s)
                            order by c.id limit :limit""".formatted(COLUMNS, condition.sql()))
                    .param("account", accountId).param("candidates", candidates.toArray(Long[]::new)).param("limit", limit)
                    .params(condition.params()).query(ContactQueries::summary).list();
        });
    }

    private List<ContactSummary> select(long accountId, SqlCondition condition, long after, int limit) {
        return jdbc.sql("""
                        select %s from contacts c
                        where c.account_id = :account and c.id > :after and (%s)
                        order by c.id limit :limit""".formatted(COLUMNS, condition.sql()))
                .param("account", accountId).param("after", after).param("limit", limit).params(condition.params())
                .query(ContactQueries::summary).list();
    }

    private static ContactSummary summary(ResultSet row, int rowNumber) throws SQLException {
        return new ContactSummary(row.getLong("id"), row.getString("first_name"), row.getString("last_name"),
                row.getString("phone"), row.getString("email"), row.getString("company"),
                ConsentStatus.ofCode(row.getString("consent_status")), row.getString("source"),
                row.getTimestamp("created_at").toInstant());
    }

    /** Builds one filter's SQL, numbering its parameters. */
    private final class Builder {

        private final long accountId;
        private final ConditionSql.Parameters params;
        private final ConditionSql conditions;
        private List<AttributeField> fields;
        private final String defaultCountry;
        private final Map<Long, Segment> segments = new LinkedHashMap<>();

        Builder(long accountId, Map<String, Object> values) {
            this.accountId = accountId;
            this.params = new ConditionSql.Parameters(values);
            AccountView account = accounts.account(accountId).orElseThrow();
            this.defaultCountry = account.defaultCountry();
            this.conditions = new ConditionSql(params, account.defaultCountry(), account.timeZone());
        }

        String build(ContactFilter filter) {
            List<String> parts = new ArrayList<>();
            if (filter.search() != null) {
                SqlCondition search = SearchCondition.of(filter.search(), defaultCountry, "f_s_").condition();
                params.putAll(search.params());
                parts.add(search.sql());
            }
            if (!filter.tagIds().isEmpty()) {
                parts.add(tagged(filter.tagIds()));
            }
            if (!filter.listIds().isEmpty()) {
                parts.add(listed(filter.listIds()));
            }
            if (!filter.segmentIds().isEmpty()) {
                parts.add("(" + String.join(" or ", filter.segmentIds().stream().map(this::segment).toList()) + ")");
            }
            filter.conditions().forEach(condition -> parts.add(attribute(condition)));
            if (filter.consent() != null) {
                parts.add("c.consent_status = " + params.add(filter.consent().code()));
            }
            return parts.isEmpty() ? "true" : String.join(" and ", parts);
        }

        private String tagged(List<Long> tagIds) {
            return "exists (select 1 from contact_tags t where t.account_id = c.account_id and t.contact_id = c.id and t.tag_id in ("
                    + params.add(tagIds) + "))";
        }

        private String listed(List<Long> listIds) {
            return "exists (select 1 from list_members m where m.account_id = c.account_id and m.contact_id = c.id and m.list_id in ("
                    + params.add(listIds) + "))";
        }

        private String attribute(AttributeCondition condition) {
            if (fields == null) {
                fields = fields(accountId);
            }
            AttributeField field = fields.stream().filter(f -> f.key().equals(condition.attribute())).findFirst()
                    .orElseThrow(() -> new InvalidConditionException("There is no attribute '" + condition.attribute() + "'"));
            return conditions.of(field, condition);
        }

        /**
         * The candidates statement: members of a required tag, list or segment source after :after,
         * in id order, :chunk at a time; null when no part of the filter is a membership every match has.
         */
        String candidates(ContactFilter filter) {
            List<String> sources = new ArrayList<>();
            if (!filter.tagIds().isEmpty()) {
                sources.add(taggedIds(filter.tagIds()));
            } else if (!filter.listIds().isEmpty()) {
                sources.add(listedIds(filter.listIds()));
            } else if (!filter.segmentIds().isEmpty()) {
                for (long segmentId : filter.segmentIds()) {
                    Segment segment = segments.get(segmentId);
                    if (!segment.hasSources()) {
                        if (segment.conditions().isEmpty()) {
                            continue; // nothing chosen: no members
                        }
                        return null; // matched by its conditions alone: no membership rows list its members
                    }
                    if (!segment.tagIds().isEmpty()) {
                        sources.add(taggedIds(segment.tagIds()));
                    }
                    if (!segment.listIds().isEmpty()) {
                        sources.add(listedIds(segment.listIds()));
                    }
                    if (segment.picked()) {
                        sources.add("select contact_id from segment_contacts where account_id = :account and segment_id = "
                                + params.add(segmentId) + " and contact_id > :after");
                    }
                }
            }
            return sources.isEmpty() ? null : sourcesOf(sources);
        }

        private static String sourcesOf(List<String> sources) {
            return "select distinct contact_id from (" + String.join(" union all ", sources) + ") members order by contact_id limit :chunk";
        }

        private String taggedIds(List<Long> tagIds) {
            return "select contact_id from contact_tags where account_id = :account and tag_id in (" + params.add(tagIds)
                    + ") and contact_id > :after";
        }

        private String listedIds(List<Long> listIds) {
            return "select contact_id from list_members where account_id = :account and list_id in (" + params.add(listIds)
                    + ") and contact_id > :after";
        }

        private String segment(long segmentId) {
            Segment segment = segments.computeIfAbsent(segmentId, id -> segmentOf(accountId, id));
            List<String> sources = new ArrayList<>();
            if (!segment.tagIds().isEmpty()) {
                sources.add(tagged(segment.tagIds()));
            }
            if (!segment.listIds().isEmpty()) {
                sources.add(listed(segment.listIds()));
            }
            if (segment.picked()) {
                sources.add("exists (select 1 from segment_contacts p where p.account_id = c.account_id and p.segment_id = "
                        + params.add(segmentId) + " and p.contact_id = c.id)");
            }
            List<String> parts = new ArrayList<>();
            if (!sources.isEmpty()) {
                parts.add("(" + String.join(" or ", sources) + ")");
            }
            segment.conditions().forEach(condition -> parts.add(attribute(condition)));
            // A segment with nothing chosen has no members (not everyone).
            return parts.isEmpty() ? "false" : "(" + String.join(" and ", parts) + ")";
        }
    }

    /** A segment's definition, as membership needs it. */
    private record Segment(List<Long> tagIds, List<Long> listIds, boolean picked, List<AttributeCondition> conditions) {

        boolean hasSources() {
            return !tagIds.isEmpty() || !listIds.isEmpty() || picked;
        }
    }

    private Segment segmentOf(long accountId, long segmentId) {
        return jdbc.sql("""
                        select s.conditions::text as conditions,
                               array(select tag_id from segment_tags where account_id = s.account_id and segment_id = s.id) as tag_ids,
                               array(select list_id from segment_lists where account_id = s.account_id and segment_id = s.id) as list_ids,
                               exists (select 1 from segment_contacts where account_id = s.account_id and segment_id = s.id) as picked
                        from segments s where s.account_id = :account and s.id = :segment""")
                .param("account", accountId).param("segment", segmentId)
                .query((row, n) -> new Segment(longs(row.getArray("tag_ids")), longs(row.getArray("list_ids")),
                        row.getBoolean("picked"), conditions(row.getString("conditions"))))
                .optional()
                .orElseThrow(() -> new InvalidConditionException("There is no segment " + segmentId));
    }

    private static List<Long> longs(java.sql.Array array) throws SQLException {
        return List.of((Long[]) array.getArray());
    }

    /** segments.conditions: [{"attribute": "city", "operator": "equals", "value": "Austin"}]. */
    private List<AttributeCondition> conditions(String text) {
        try {
            List<AttributeCondition> list = new ArrayList<>();
            for (JsonNode node : json.readTree(text)) {
                JsonNode value = node.get("value");
                list.add(new AttributeCondition(node.path("attribute").asString(), ConditionOperator.ofCode(node.path("operator").asString()),
                        value == null || value.isNull() ? null : value.asString()));
            }
            return list;
        } catch (JacksonException e) {
            throw new IllegalStateException("Unreadable segment conditions: " + text, e);
        }
    }
}
