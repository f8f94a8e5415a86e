package switchboard.audience.tag;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Tags of an account and which contacts carry them; names are unique case-insensitively (citext). */
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
            ids.add(findOrCreate(accountId, name));
        }
        return ids;
    }

    long findOrCreate(long accountId, String name) {
        jdbc.sql("insert into tags (account_id, name) values (:account, :name) on conflict (account_id, name) do nothing")
                .param("account", accountId).param("name", name.strip()).update();
        return jdbc.sql("select id from tags where account_id = :account and name = :name::citext")
                .param("account", accountId).param("name", name.strip()).query(Long.class).single();
    }

    public List<String> namesOf(long accountId, long contactId) {
        return jdbc.sql("""
                        select t.name from contact_tags ct join tags t on t.id = ct.tag_id
                        where ct.account_id = :account and ct.contact_id = :contact order by t.name""")
                .param("account", accountId).param("contact", contactId).query(String.class).list();
    }

    /** Fails with DuplicateKeyException when the account has a tag of that name in any case. */
    long create(long accountId, String name) {
        return jdbc.sql("insert into tags (account_id, name) values (:account, :name) returning id")
                .param("account", accountId).param("name", name).query(Long.class).single();
    }

    /**
     * Every tag with its contact count, by name. One grouped scan of contact_tags for the account
     * (its primary key starts with account_id, tag_id, so the counts come from the index in tag
     * order) rather than one count per tag.
     */
    List<Tag> listWithCounts(long accountId) {
        return jdbc.sql("""
                        select t.id, t.name, t.created_at, coalesce(n.contacts, 0) as contacts
                        from tags t
                        left join (select tag_id, count(*) as contacts from contact_tags
                                   where account_id = :account group by tag_id) n on n.tag_id = t.id
                        where t.account_id = :account
                        order by t.name, t.id""")
                .param("account", accountId).query(TagRepository::tag).list();
    }

    /** A keyset page by id, with counts: the API's order, stable while tags are added. */
    List<Tag> page(long accountId, long afterId, int limit) {
        return jdbc.sql("""
                        select t.id, t.name, t.created_at,
                               (select count(*) from contact_tags ct where ct.account_id = t.account_id and ct.tag_id = t.id) as contacts
                        from tags t
                        where t.account_id = :account and t.id > :after
                        order by t.id limit :limit""")
                .param("account", accountId).param("after", afterId).param("limit", limit)
                .query(TagRepository::tag).list();
    }

    Optional<Tag> find(long accountId, long tagId) {
        return jdbc.sql("""
                        select t.id, t.name, t.created_at,
                               (select count(*) from contact_tags ct where ct.account_id = t.account_id and ct.tag_id = t.id) as contacts
                        from tags t where t.account_id = :account and t.id = :id""")
                .param("account", accountId).param("id", tagId).query(TagRepository::tag).optional();
    }

    /** The tags with these ids that belong to the account. */
    List<Long> existing(long accountId, Collection<Long> tagIds) {
        return jdbc.sql("select id from tags where account_id = :account and id = any(:ids) order by id")
                .param("account", accountId).param("ids", tagIds.toArray(Long[]::new)).query(Long.class).list();
    }

    /** Fails with DuplicateKeyException when another tag of the account has that name in any case. */
    boolean rename(long accountId, long tagId, String name) {
        return jdbc.sql("update tags set name = :name where account_id = :account and id = :id")
                .param("account", accountId).param("id", tagId).param("name", name).update() == 1;
    }

    /** Deletes the tag; contact_tags, list_tags and segment_tags rows go with it (on delete cascade). */
    boolean delete(long accountId, long tagId) {
        return jdbc.sql("delete from tags where account_id = :account and id = :id")
                .param("account", accountId).param("id", tagId).update() == 1;
    }

    /** Tags those of the given contacts that exist in the account; returns how many were newly tagged. */
    int tag(long accountId, long tagId, long[] contactIds) {
        return jdbc.sql("""
                        insert into contact_tags (account_id, tag_id, contact_id)
                        select c.account_id, :tag, c.id from contacts c
                        where c.account_id = :account and c.id = any(:ids)
                        on conflict do nothing""")
                .param("account", accountId).param("tag", tagId).param("ids", boxed(contactIds)).update();
    }

    int untag(long accountId, long tagId, long[] contactIds) {
        return jdbc.sql("delete from contact_tags where account_id = :account and tag_id = :tag and contact_id = any(:ids)")
                .param("account", accountId).param("tag", tagId).param("ids", boxed(contactIds)).update();
    }

    List<Tag> tagsOf(long accountId, long contactId) {
        return jdbc.sql("""
                        select t.id, t.name, t.created_at, 0 as contacts
                        from contact_tags ct join tags t on t.id = ct.tag_id and t.account_id = ct.account_id
                        where ct.account_id = :account and ct.contact_id = :contact order by t.name""")
                .param("account", accountId).param("contact", contactId).query(TagRepository::tag).list();
    }

    static Long[] boxed(long[] ids) {
        Long[] boxed = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        return boxed;
    }

    private static Tag tag(ResultSet row, int n) throws SQLException {
        return new Tag(row.getLong("id"), row.getString("name"), row.getLong("contacts"), row.getTimestamp("created_at").toInstant());
    }

    /** The first names of the account's tags by name, for pickers (the import wizard). */
    public List<String> names(long accountId, int limit) {
        return jdbc.sql("select name from tags where account_id = :account order by name limit :limit")
                .param("account", accountId).param("limit", limit).query(String.class).list();
    }
}
