package switchboard.audience.tag;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Tags of an account; names are unique case-insensitively (citext). */
@Repository
public class TagRepository {

    private final JdbcClient jdbc;

    TagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the named tags, creating those that do not exist yet (as an import's chosen tags). */
    public List<Long> findOrCreate(long accountId, Collection<String> names) {
        List<Long> ids = new ArrayList<>();
        for (String name : names) {
            jdbc.sql("insert into tags (account_id, name) values (:account, :name) on conflict (account_id, name) do nothing")
                    .param("account", accountId).param("name", name.strip()).update();
            ids.add(jdbc.sql("select id from tags where account_id = :account and name = :name::citext")
                    .param("account", accountId).param("name", name.strip()).query(Long.class).single());
        }
        return ids;
    }

    public List<String> namesOf(long accountId, long contactId) {
        return jdbc.sql("""
                        select t.name from contact_tags ct join tags t on t.id = ct.tag_id
                        where ct.account_id = :account and ct.contact_id = :contact order by t.name""")
                .param("account", accountId).param("contact", contactId).query(String.class).list();
    }

    /** The first names of the account's tags by name, for pickers (the import wizard). */
    public List<String> names(long accountId, int limit) {
        return jdbc.sql("select name from tags where account_id = :account order by name limit :limit")
                .param("account", accountId).param("limit", limit).query(String.class).list();
    }
}
