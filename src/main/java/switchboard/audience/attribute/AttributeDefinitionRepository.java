package switchboard.audience.attribute;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Custom attribute definitions of an account. */
@Repository
public class AttributeDefinitionRepository {

    private final JdbcClient jdbc;

    AttributeDefinitionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AttributeDefinition> all(long accountId) {
        return jdbc.sql("select id, key, label, type, choices from attribute_definitions where account_id = :account order by label")
                .param("account", accountId)
                .query((row, n) -> new AttributeDefinition(row.getLong("id"), row.getString("key"), row.getString("label"),
                        AttributeType.ofCode(row.getString("type")), strings(row.getArray("choices"))))
                .list();
    }

    public long create(long accountId, String key, String label, AttributeType type, List<String> choices) {
        return jdbc.sql("""
                        insert into attribute_definitions (account_id, key, label, type, choices)
                        values (:account, :key, :label, :type, string_to_array(:choices, chr(31)))
                        returning id""")
                .param("account", accountId).param("key", key).param("label", label).param("type", type.code())
                .param("choices", String.join("\u001f", choices))
                .query(Long.class).single();
    }

    public Optional<AttributeDefinition> find(long accountId, long id) {
        return jdbc.sql("select id, key, label, type, choices from attribute_definitions where account_id = :account and id = :id")
                .param("account", accountId).param("id", id)
                .query((row, n) -> new AttributeDefinition(row.getLong("id"), row.getString("key"), row.getString("label"),
                        AttributeType.ofCode(row.getString("type")), strings(row.getArray("choices"))))
                .optional();
    }

    /** Fails with DuplicateKeyException when another attribute of the account has the label in any case. */
    void update(long accountId, long id, String label, AttributeType type, List<String> choices) {
        jdbc.sql("""
                        update attribute_definitions set label = :label, type = :type, choices = string_to_array(:choices, chr(31))
                        where account_id = :account and id = :id""")
                .param("label", label).param("type", type.code()).param("choices", String.join("\u001f", choices))
                .param("account", accountId).param("id", id).update();
    }

    void delete(long accountId, long id) {
        jdbc.sql("delete from attribute_definitions where account_id = :account and id = :id")
                .param("account", accountId).param("id", id).update();
    }

    // jsonb_exists rather than the ? operator, which JDBC would read as a parameter placeholder.
    /** Removes the attribute's value from every contact of the account; the number of contacts that had one. */
    long removeValues(long accountId, String key) {
        return jdbc.sql("update contacts set attributes = attributes - :key where account_id = :account and jsonb_exists(attributes, :key)")
                .param("key", key).param("account", accountId).update();
    }

    long contactsWithValue(long accountId, String key) {
        return jdbc.sql("select count(*) from contacts where account_id = :account and jsonb_exists(attributes, :key)")
                .param("account", accountId).param("key", key).query(Long.class).single();
    }

    boolean anyContactHasValue(long accountId, String key) {
        return jdbc.sql("select exists (select 1 from contacts where account_id = :account and jsonb_exists(attributes, :key))")
                .param("account", accountId).param("key", key).query(Boolean.class).single();
    }

    /** How many contacts hold each of these choice values (compared ignoring case, as imports and forms match them). */
    long contactsWithChoices(long accountId, String key, List<String> values) {
        if (values.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        select count(*) from contacts
                        where account_id = :account and lower(attributes ->> :key) = any (string_to_array(lower(:values), chr(31)))""")
                .param("account", accountId).param("key", key).param("values", String.join("\u001f", values))
                .query(Long.class).single();
    }

    /** Those of these choice values that some contact holds (compared ignoring case), in the given order. */
    List<String> choicesHeld(long accountId, String key, List<String> values) {
        return jdbc.sql("""
                        select wanted.value from unnest(string_to_array(:values, chr(31))) with ordinality as wanted(value, n)
                        where exists (select 1 from contacts
                                      where account_id = :account and lower(attributes ->> :key) = lower(wanted.value))
                        order by wanted.n""")
                .param("account", accountId).param("key", key).param("values", String.join("\u001f", values))
                .query(String.class).list();
    }

    /**
     * Names of the account's segments whose stored conditions name the attribute (segments keep
     * conditions as [{"attribute": key, ...}], see the audience migration).
     */
    List<String> segmentsUsing(long accountId, String key) {
        return jdbc.sql("""
                        select name from segments
                        where account_id = :account and conditions @> jsonb_build_array(jsonb_build_object('attribute', :key::text))
                        order by name""")
                .param("account", accountId).param("key", key).query(String.class).list();
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
