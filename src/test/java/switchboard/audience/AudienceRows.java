package switchboard.audience;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

/** Contacts written straight into the table for tests about tags, lists and segments. */
public final class AudienceRows {

    private final JdbcClient jdbc;

    public AudienceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long contact(long accountId, String firstName, String lastName) {
        return contact(accountId, firstName, lastName, null, Map.of());
    }

    /** attributes as JSON text values, e.g. Map.of("city", "\"Austin\"", "score", "42"). */
    public long contact(long accountId, String firstName, String lastName, String company, Map<String, String> attributes) {
        String json = attributes.entrySet().stream()
                .map(entry -> "\"" + entry.getKey() + "\": " + entry.getValue())
                .reduce((a, b) -> a + ", " + b).map(body -> "{" + body + "}").orElse("{}");
        return jdbc.sql("""
                        insert into contacts (account_id, first_name, last_name, company, attributes, source)
                        values (:account, :first, :last, :company, cast(:attributes as jsonb), 'manual') returning id""")
                .param("account", accountId).param("first", firstName).param("last", lastName).param("company", company)
                .param("attributes", json).query(Long.class).single();
    }

    public long contactCount(long accountId) {
        return jdbc.sql("select count(*) from contacts where account_id = :account")
                .param("account", accountId).query(Long.class).single();
    }
}
