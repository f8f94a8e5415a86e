package switchboard.audience.attribute;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;

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

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
