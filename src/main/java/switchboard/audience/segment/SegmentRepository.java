package switchboard.audience.segment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import switchboard.audience.filter.AttributeCondition;
import switchboard.audience.filter.ConditionOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Segments and what they are made of. Conditions are stored in segments.conditions as
 * [{"attribute": "city", "operator": "equals", "value": "Austin"}] (value null for is set / not
 * set): the format audience.filter's ContactQueries reads to resolve membership.
 */
@Repository
class SegmentRepository {

    private static final String SELECT = """
            select s.id, s.name, s.conditions::text as conditions, s.created_at, s.updated_at,
                   array(select tag_id from segment_tags where account_id = s.account_id and segment_id = s.id order by tag_id) as tag_ids,
                   array(select list_id from segment_lists where account_id = s.account_id and segment_id = s.id order by list_id) as list_ids,
                   array(select contact_id from segment_contacts where account_id = s.account_id and segment_id = s.id order by contact_id) as contact_ids
            from segments s
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SegmentRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Fails with DuplicateKeyException when the account has a segment of that name in any case. */
    long create(long accountId, String name, List<AttributeCondition> conditions, Instant now) {
        return jdbc.sql("""
                        insert into segments (account_id, name, conditions, created_at, updated_at)
                        values (:account, :name, cast(:conditions as jsonb), :now, :now) returning id""")
                .param("account", accountId).param("name", name).param("conditions", conditionsJson(conditions))
                .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    /** Fails with DuplicateKeyException when another segment of the account has that name in any case. */
    boolean update(long accountId, long segmentId, String name, List<AttributeCondition> conditions, Instant now) {
        return jdbc.sql("""
                        update segments set name = :name, conditions = cast(:conditions as jsonb), updated_at = :now
                        where account_id = :account and id = :id""")
                .param("account", accountId).param("id", segmentId).param("name", name)
                .param("conditions", conditionsJson(conditions)).param("now", Timestamp.from(now)).update() == 1;
    }

    /** Replaces tags, lists and picked contacts; ids must have been checked to belong to the account. */
    void replaceParts(long accountId, long segmentId, Collection<Long> tagIds, Collection<Long> listIds, Collection<Long> contactIds) {
        replace("segment_tags", "tag_id", accountId, segmentId, tagIds);
        replace("segment_lists", "list_id", accountId, segmentId, listIds);
        replace("segment_contacts", "contact_id", accountId, segmentId, contactIds);
    }

    // table and column come from the three constant calls above, never from a request.
    private void replace(String table, String column, long accountId, long segmentId, Collection<Long> ids) {
        jdbc.sql("delete from " + table + " where account_id = :account and segment_id = :segment")
                .param("account", accountId).param("segment", segmentId).update();
        if (!ids.isEmpty()) {
            jdbc.sql("insert into " + table + " (account_id, segment_id, " + column + ") select :account, :segment, unnest(:ids)")
                    .param("account", accountId).param("segment", segmentId).param("ids", ids.toArray(Long[]::new)).update();
        }
    }

    Optional<Segment> find(long accountId, long segmentId) {
        return jdbc.sql(SELECT + " where s.account_id = :account and s.id = :id")
                .param("account", accountId).param("id", segmentId).query(this::segment).optional();
    }

    List<Segment> list(long accountId) {
        return jdbc.sql(SELECT + " where s.account_id = :account order by s.name, s.id")
                .param("account", accountId).query(this::segment).list();
    }

    List<Segment> page(long accountId, long afterId, int limit) {
        return jdbc.sql(SELECT + " where s.account_id = :account and s.id > :after order by s.id limit :limit")
                .param("account", accountId).param("after", afterId).param("limit", limit).query(this::segment).list();
    }

    boolean delete(long accountId, long segmentId) {
        return jdbc.sql("delete from segments where account_id = :account and id = :id")
                .param("account", accountId).param("id", segmentId).update() == 1;
    }

    /** Those of the ids that are not contacts of the account, in the given order. */
    List<Long> notContacts(long accountId, Collection<Long> contactIds) {
        return jdbc.sql("""
                        select wanted.id from unnest(:ids) with ordinality as wanted(id, n)
                        where not exists (select 1 from contacts c where c.account_id = :account and c.id = wanted.id)
                        order by wanted.n""")
                .param("account", accountId).param("ids", contactIds.toArray(Long[]::new)).query(Long.class).list();
    }

    /** Name, phone and email of the picked contacts, for the editor's "chosen" list. */
    List<PickedContact> contacts(long accountId, Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, first_name, last_name, phone, email from contacts
                        where account_id = :account and id = any(:ids) order by id""")
                .param("account", accountId).param("ids", contactIds.toArray(Long[]::new))
                .query((row, n) -> new PickedContact(row.getLong("id"), row.getString("first_name"), row.getString("last_name"),
                        row.getString("phone"), row.getString("email"))).list();
    }

    private String conditionsJson(List<AttributeCondition> conditions) {
        ArrayNode array = json.createArrayNode();
        for (AttributeCondition condition : conditions) {
            ObjectNode node = array.addObject();
            node.put("attribute", condition.attribute());
            node.put("operator", condition.operator().code());
            if (condition.value() == null) {
                node.putNull("value");
            } else {
                node.put("value", condition.value());
            }
        }
        return json.writeValueAsString(array);
    }

    private List<AttributeCondition> conditions(String text) {
        List<AttributeCondition> list = new ArrayList<>();
        for (JsonNode node : json.readTree(text)) {
            JsonNode value = node.get("value");
            list.add(new AttributeCondition(node.path("attribute").asString(), ConditionOperator.ofCode(node.path("operator").asString()),
                    value == null || value.isNull() ? null : value.asString()));
        }
        return list;
    }

    private Segment segment(ResultSet row, int n) throws SQLException {
        return new Segment(row.getLong("id"), row.getString("name"), longs(row.getArray("tag_ids")), longs(row.getArray("list_ids")),
                longs(row.getArray("contact_ids")), conditions(row.getString("conditions")),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }

    private static List<Long> longs(Array array) throws SQLException {
        return List.of((Long[]) array.getArray());
    }
}
