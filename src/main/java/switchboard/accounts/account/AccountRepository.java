package switchboard.accounts.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import switchboard.accounts.AccountSettings;
import switchboard.accounts.AccountView;
import switchboard.accounts.Role;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Repository
public class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long create(AccountSettings settings) {
        return jdbc.sql("""
                        insert into accounts (name, time_zone, default_country)
                        values (:name, :timeZone, :country)
                        returning id""")
                .param("name", settings.name())
                .param("timeZone", settings.timeZone())
                .param("country", settings.defaultCountry())
                .query(Long.class).single();
    }

    public Optional<AccountView> find(long accountId) {
        return jdbc.sql("select id, name, time_zone, default_country, created_at from accounts where id = :accountId")
                .param("accountId", accountId)
                .query(AccountRepository::account).optional();
    }

    public void update(long accountId, AccountSettings settings) {
        jdbc.sql("""
                        update accounts set name = :name, time_zone = :timeZone, default_country = :country
                        where id = :accountId""")
                .param("accountId", accountId)
                .param("name", settings.name())
                .param("timeZone", settings.timeZone())
                .param("country", settings.defaultCountry())
                .update();
    }

    /** The accounts a user may switch to: active memberships only, most recently used first. */
    public List<AccountChoice> choicesOf(long userId) {
        return jdbc.sql("""
                        select a.id, a.name, m.role
                        from memberships m join accounts a on a.id = m.account_id
                        where m.user_id = :userId and m.active
                        order by m.last_used_at desc nulls last, a.name, a.id""")
                .param("userId", userId)
                .query((rs, n) -> new AccountChoice(rs.getLong("id"), rs.getString("name"), Role.fromCode(rs.getString("role"))))
                .list();
    }

    private static AccountView account(ResultSet rs, int row) throws SQLException {
        return new AccountView(rs.getLong("id"), rs.getString("name"), rs.getString("time_zone"),
                rs.getString("default_country"), rs.getTimestamp("created_at").toInstant());
    }

    public record AccountChoice(long accountId, String name, Role role) {
    }
}
