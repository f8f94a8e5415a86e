package switchboard.audience.list;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/** Lists of contacts; names are unique per account, case-insensitively. */
@Repository
public class ListRepository {

    private final JdbcClient jdbc;

    ListRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of the list with this name, created if missing (an import "creates or adds to" a list). */
    public long findOrCreate(long accountId, String name) {
        jdbc.sql("insert into lists (account_id, name) values (:account, :name) on conflict (account_id, name) do nothing")
                .param("account", accountId).param("name", name.strip()).update();
        return jdbc.sql("select id from lists where account_id = :account and name = :name::citext")
                .param("account", accountId).param("name", name.strip()).query(Long.class).single();
    }

    public long memberCount(long accountId, long listId) {
        return jdbc.sql("select count(*) from list_members where account_id = :account and list_id = :list")
                .param("account", accountId).param("list", listId).query(Long.class).single();
    }

    public List<String> namesOf(long accountId, long contactId) {
        return jdbc.sql("""
                        select l.name from list_members m join lists l on l.id = m.list_id
                        where m.account_id = :account and m.contact_id = :contact order by l.name""")
                .param("account", accountId).param("contact", contactId).query(String.class).list();
    }

    /** The first names of the account's lists by name, for pickers (the import wizard). */
    public List<String> names(long accountId, int limit) {
        return jdbc.sql("select name from lists where account_id = :account order by name limit :limit")
                .param("account", accountId).param("limit", limit).query(String.class).list();
    }
}
