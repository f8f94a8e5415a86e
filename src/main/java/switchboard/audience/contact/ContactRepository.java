package switchboard.audience.contact;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import switchboard.audience.ConsentStatus;
import switchboard.audience.ContactView;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** Reads and writes contacts. Every statement names the account. */
@Repository
public class ContactRepository {

    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() { };
    private static final String COLUMNS = """
            id, account_id, first_name, last_name, phone, email, company, attributes::text as attributes,
            consent_status, source, created_at, updated_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ContactRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<ContactView> find(long accountId, long contactId) {
        return jdbc.sql("select " + COLUMNS + " from contacts where account_id = :account and id = :id")
                .param("account", accountId).param("id", contactId)
                .query(this::contact).optional();
    }

    public Optional<ContactView> findByPhone(long accountId, String e164) {
        return jdbc.sql("select " + COLUMNS + " from contacts where account_id = :account and phone = :phone")
                .param("account", accountId).param("phone", e164)
                .query(this::contact).optional();
    }

    public Optional<ContactView> findByEmail(long accountId, String email) {
        return jdbc.sql("select " + COLUMNS + " from contacts where account_id = :account and email_key = lower(:email)")
                .param("account", accountId).param("email", email)
                .query(this::contact).optional();
    }

    public long count(long accountId) {
        return jdbc.sql("select count(*) from contacts where account_id = :account")
                .param("account", accountId).query(Long.class).single();
    }

    private ContactView contact(ResultSet row, int rowNumber) throws SQLException {
        return new ContactView(row.getLong("id"), row.getLong("account_id"), row.getString("first_name"),
                row.getString("last_name"), row.getString("phone"), row.getString("email"), row.getString("company"),
                json.readValue(row.getString("attributes"), ATTRIBUTES),
                ConsentStatus.ofCode(row.getString("consent_status")), row.getString("source"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }
}
