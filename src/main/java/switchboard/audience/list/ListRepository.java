package switchboard.audience.list;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import switchboard.audience.list.ContactList.ListTag;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Lists of contacts, their members and their tags; names are unique per account, case-insensitively. */
@Repository
public class ListRepository {

    // The list's tags as "id<TAB>name" texts, split at the first tab (the end of the id), so a
    // tab inside a name does no harm; one array per list instead of a second query per list.
    private static final String SELECT_LISTS = """
            select l.id, l.name, l.created_at, %s as members,
                   coalesce((select array_agg(t.id::text || E'\\t' || t.name order by t.name)
                             from list_tags lt join tags t on t.id = lt.tag_id
                             where lt.account_id = l.account_id and lt.list_id = l.id), '{}') as tags
            from lists l
            """;
    private static final String COUNT_ONE =
            "(select count(*) from list_members m where m.account_id = l.account_id and m.list_id = l.id)";

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

    /** Fails with DuplicateKeyException when the account has a list of that name in any case. */
    long create(long accountId, String name, Instant now) {
        return jdbc.sql("insert into lists (account_id, name, created_at) values (:account, :name, :now) returning id")
                .param("account", accountId).param("name", name).param("now", Timestamp.from(now)).query(Long.class).single();
    }

    /** Every list with its member count, by name: one grouped scan of list_members, not a count per list. */
    List<ContactList> listWithCounts(long accountId) {
        return jdbc.sql(SELECT_LISTS.formatted("coalesce(n.members, 0)") + """
                        left join (select list_id, count(*) as members from list_members
                                   where account_id = :account group by list_id) n on n.list_id = l.id
                        where l.account_id = :account
                        order by l.name, l.id""")
                .param("account", accountId).query(ListRepository::list).list();
    }

    List<ContactList> page(long accountId, long afterId, int limit) {
        return jdbc.sql(SELECT_LISTS.formatted(COUNT_ONE) + """
                        where l.account_id = :account and l.id > :after
                        order by l.id limit :limit""")
                .param("account", accountId).param("after", afterId).param("limit", limit)
                .query(ListRepository::list).list();
    }

    Optional<ContactList> find(long accountId, long listId) {
        return jdbc.sql(SELECT_LISTS.formatted(COUNT_ONE) + " where l.account_id = :account and l.id = :id")
                .param("account", accountId).param("id", listId).query(ListRepository::list).optional();
    }

    List<Long> existing(long accountId, Collection<Long> listIds) {
        return jdbc.sql("select id from lists where account_id = :account and id = any(:ids) order by id")
                .param("account", accountId).param("ids", listIds.toArray(Long[]::new)).query(Long.class).list();
    }

    /** Fails with DuplicateKeyException when another list of the account has that name in any case. */
    boolean rename(long accountId, long listId, String name) {
        return jdbc.sql("update lists set name = :name where account_id = :account and id = :id")
                .param("account", accountId).param("id", listId).param("name", name).update() == 1;
    }

    /** Deletes the list; memberships, its tags and segment references go with it (on delete cascade). */
    boolean delete(long accountId, long listId) {
        return jdbc.sql("delete from lists where account_id = :account and id = :id")
                .param("account", accountId).param("id", listId).update() == 1;
    }

    /** Adds those of the contacts that exist in the account; returns how many were not members yet. */
    int add(long accountId, long listId, long[] contactIds, Instant now) {
        return jdbc.sql("""
                        insert into list_members (account_id, list_id, contact_id, added_at)
                        select c.account_id, :list, c.id, :now from contacts c
                        where c.account_id = :account and c.id = any(:ids)
                        on conflict do nothing""")
                .param("account", accountId).param("list", listId).param("ids", boxed(contactIds))
                .param("now", Timestamp.from(now)).update();
    }

    /** Gives the contacts (those that exist in the account) every tag of the list. */
    int applyListTags(long accountId, long listId, long[] contactIds) {
        return jdbc.sql("""
                        insert into contact_tags (account_id, tag_id, contact_id)
                        select c.account_id, lt.tag_id, c.id
                        from contacts c join list_tags lt on lt.account_id = c.account_id and lt.list_id = :list
                        where c.account_id = :account and c.id = any(:ids)
                        on conflict do nothing""")
                .param("account", accountId).param("list", listId).param("ids", boxed(contactIds)).update();
    }

    int remove(long accountId, long listId, long[] contactIds) {
        return jdbc.sql("delete from list_members where account_id = :account and list_id = :list and contact_id = any(:ids)")
                .param("account", accountId).param("list", listId).param("ids", boxed(contactIds)).update();
    }

    /** Records the tag on the list; false if it was there already. */
    boolean addTag(long accountId, long listId, long tagId) {
        return jdbc.sql("""
                        insert into list_tags (account_id, list_id, tag_id) values (:account, :list, :tag)
                        on conflict do nothing""")
                .param("account", accountId).param("list", listId).param("tag", tagId).update() == 1;
    }

    /** Tags every current member of the list, in one statement; returns how many were newly tagged. */
    int tagMembers(long accountId, long listId, long tagId) {
        return jdbc.sql("""
                        insert into contact_tags (account_id, tag_id, contact_id)
                        select m.account_id, :tag, m.contact_id from list_members m
                        where m.account_id = :account and m.list_id = :list
                        on conflict do nothing""")
                .param("account", accountId).param("list", listId).param("tag", tagId).update();
    }

    boolean removeTag(long accountId, long listId, long tagId) {
        return jdbc.sql("delete from list_tags where account_id = :account and list_id = :list and tag_id = :tag")
                .param("account", accountId).param("list", listId).param("tag", tagId).update() == 1;
    }

    List<ContactList> listsOf(long accountId, long contactId) {
        return jdbc.sql("""
                        select l.id, l.name, l.created_at, 0 as members, '{}'::text[] as tags
                        from list_members m join lists l on l.id = m.list_id and l.account_id = m.account_id
                        where m.account_id = :account and m.contact_id = :contact order by l.name""")
                .param("account", accountId).param("contact", contactId).query(ListRepository::list).list();
    }

    /** Those of the ids that are not contacts of the account, in the given order. */
    List<Long> notContacts(long accountId, long[] contactIds) {
        return jdbc.sql("""
                        select wanted.id from unnest(:ids) with ordinality as wanted(id, n)
                        where not exists (select 1 from contacts c where c.account_id = :account and c.id = wanted.id)
                        order by wanted.n""")
                .param("account", accountId).param("ids", boxed(contactIds)).query(Long.class).list();
    }

    private static Long[] boxed(long[] ids) {
        Long[] boxed = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        return boxed;
    }

    private static ContactList list(ResultSet row, int n) throws SQLException {
        List<ListTag> tags = new ArrayList<>();
        for (String pair : (String[]) row.getArray("tags").getArray()) {
            int tab = pair.indexOf('\t');
            tags.add(new ListTag(Long.parseLong(pair.substring(0, tab)), pair.substring(tab + 1)));
        }
        return new ContactList(row.getLong("id"), row.getString("name"), row.getLong("members"),
                row.getTimestamp("created_at").toInstant(), tags);
    }

    /** The tags the list gives its members, new ones included (list_tags): an import onto the list applies them too. */
    public List<Long> tagIds(long accountId, long listId) {
        return jdbc.sql("select tag_id from list_tags where account_id = :account and list_id = :list order by tag_id")
                .param("account", accountId).param("list", listId).query(Long.class).list();
    }

    /** The first names of the account's lists by name, for pickers (the import wizard). */
    public List<String> names(long accountId, int limit) {
        return jdbc.sql("select name from lists where account_id = :account order by name limit :limit")
                .param("account", accountId).param("limit", limit).query(String.class).list();
    }
}
