package switchboard.audience.contact;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import switchboard.audience.ConsentStatus;
import switchboard.audience.ContactView;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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

    /** A new contact; details are already validated and normalized. */
    long insert(long accountId, ContactDetails details, String source, Instant now) {
        return jdbc.sql("""
                        insert into contacts (account_id, first_name, last_name, phone, email, company, attributes, source, created_at, updated_at)
                        values (:account, :first, :last, :phone, :email, :company, cast(:attributes as jsonb), :source, :now, :now)
                        returning id""")
                .param("account", accountId).param("first", details.firstName()).param("last", details.lastName()).param("phone", details.phone())
                .param("email", details.email()).param("company", details.company()).param("attributes", details.attributesJson())
                .param("source", source).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    boolean update(long accountId, long contactId, ContactDetails details, Instant now) {
        return jdbc.sql("""
                        update contacts set first_name = :first, last_name = :last, phone = :phone, email = :email,
                            company = :company, attributes = cast(:attributes as jsonb), updated_at = :now
                        where account_id = :account and id = :id""")
                .param("account", accountId).param("id", contactId)
                .param("first", details.firstName()).param("last", details.lastName()).param("phone", details.phone())
                .param("email", details.email()).param("company", details.company()).param("attributes", details.attributesJson()).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Row-locks the contact for a change that reads it first (a PATCH merges into what is stored). */
    boolean lock(long accountId, long contactId) {
        return jdbc.sql("select 1 from contacts where account_id = :account and id = :id for update")
                .param("account", accountId).param("id", contactId).query(Integer.class).optional().isPresent();
    }

    boolean setConsent(long accountId, long contactId, ConsentStatus status, Instant now) {
        return jdbc.sql("update contacts set consent_status = :status, updated_at = :now where account_id = :account and id = :id")
                .param("account", accountId).param("id", contactId).param("status", status.code())
                .param("now", Timestamp.from(now)).update() == 1;
    }

    /**
     * Deletes the contact after keeping a snapshot of it and of what names it (tags, lists,
     * hand-picked segments, notes) in contact_trash for {@link #restore}. Snapshots older than
     * {@code expiredBefore} are dropped on the way. False when there is no such contact.
     */
    boolean trash(long accountId, long contactId, long userId, Instant now, Instant expiredBefore) {
        jdbc.sql("delete from contact_trash where account_id = :account and (deleted_at < :expired or contact_id = :id)")
                .param("account", accountId).param("id", contactId).param("expired", Timestamp.from(expiredBefore)).update();
        int kept = jdbc.sql("""
                        insert into contact_trash (account_id, contact_id, deleted_by, deleted_at, contact, tag_ids, list_ids, segment_ids, notes)
                        select c.account_id, c.id, :user, :now, to_jsonb(c),
                            array(select tag_id from contact_tags where account_id = c.account_id and contact_id = c.id),
                            array(select list_id from list_members where account_id = c.account_id and contact_id = c.id),
                            array(select segment_id from segment_contacts where account_id = c.account_id and contact_id = c.id),
                            coalesce((select jsonb_agg(to_jsonb(n)) from contact_notes n
                                      where n.account_id = c.account_id and n.contact_id = c.id), '[]'::jsonb)
                        from contacts c where c.account_id = :account and c.id = :id""")
                .param("account", accountId).param("id", contactId).param("user", userId).param("now", Timestamp.from(now))
                .update();
        if (kept == 0) {
            return false;
        }
        // The trigger on contacts removes its tags, list memberships, segment picks and notes.
        return jdbc.sql("delete from contacts where account_id = :account and id = :id")
                .param("account", accountId).param("id", contactId).update() == 1;
    }

    /** The name of a trashed contact still in its undo window, for "Deleted Ann Lee. Undo". */
    Optional<ContactView> trashed(long accountId, long contactId, Instant deletedAfter) {
        return jdbc.sql("""
                        select c.id, c.account_id, c.first_name, c.last_name, c.phone, c.email, c.company,
                            coalesce(c.attributes, '{}'::jsonb)::text as attributes, c.consent_status, c.source, c.created_at, c.updated_at
                        from contact_trash t cross join jsonb_populate_record(null::contacts, t.contact) c
                        where t.account_id = :account and t.contact_id = :id and t.deleted_at >= :after""")
                .param("account", accountId).param("id", contactId).param("after", Timestamp.from(deletedAfter))
                .query(this::contact).optional();
    }

    /**
     * Puts a trashed contact back with its id, tags and lists that still exist, segment picks and
     * notes. The caller checks first that its phone and email are still free (a unique index
     * refuses it otherwise). False when the snapshot is gone or older than {@code deletedAfter}.
     */
    boolean restore(long accountId, long contactId, Instant deletedAfter) {
        int restored = jdbc.sql("""
                        insert into contacts (account_id, id, first_name, last_name, phone, email, company, attributes,
                            consent_status, source, source_import_id, created_at, updated_at)
                        select t.account_id, c.id, c.first_name, c.last_name, c.phone, c.email, c.company, c.attributes,
                            c.consent_status, c.source, c.source_import_id, c.created_at, c.updated_at
                        from contact_trash t cross join jsonb_populate_record(null::contacts, t.contact) c
                        where t.account_id = :account and t.contact_id = :id and t.deleted_at >= :after""")
                .param("account", accountId).param("id", contactId).param("after", Timestamp.from(deletedAfter)).update();
        if (restored == 0) {
            return false;
        }
        var restore = """
                insert into %s select t.account_id, x.id, t.contact_id from contact_trash t cross join unnest(t.%s) x(id)
                where t.account_id = :account and t.contact_id = :id and x.id in (select id from %s where account_id = :account)
                on conflict do nothing""";
        jdbc.sql(restore.formatted("contact_tags (account_id, tag_id, contact_id)", "tag_ids", "tags"))
                .param("account", accountId).param("id", contactId).update();
        jdbc.sql(restore.formatted("list_members (account_id, list_id, contact_id)", "list_ids", "lists"))
                .param("account", accountId).param("id", contactId).update();
        jdbc.sql(restore.formatted("segment_contacts (account_id, segment_id, contact_id)", "segment_ids", "segments"))
                .param("account", accountId).param("id", contactId).update();
        jdbc.sql("""
                        insert into contact_notes (account_id, id, contact_id, author_id, body, created_at) overriding system value
                        select t.account_id, n.id, n.contact_id, n.author_id, n.body, n.created_at
                        from contact_trash t cross join jsonb_populate_recordset(null::contact_notes, t.notes) n
                        where t.account_id = :account and t.contact_id = :id""")
                .param("account", accountId).param("id", contactId).update();
        jdbc.sql("delete from contact_trash where account_id = :account and contact_id = :id")
                .param("account", accountId).param("id", contactId).update();
        return true;
    }

    /** A tag, list or segment as a filter offers it. */
    public record Choice(long id, String name) {
    }

    /** What the filters offer: the account's tags, lists or segments by name ({@code kind} is whitelisted here, never from a request). */
    List<Choice> choices(long accountId, Kind kind) {
        return jdbc.sql("select id, name::text as name from " + kind.table + " where account_id = :account order by name")
                .param("account", accountId).query((row, n) -> new Choice(row.getLong("id"), row.getString("name"))).list();
    }

    enum Kind {
        TAGS("tags"), LISTS("lists"), SEGMENTS("segments");

        private final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    /** The tag names of each contact on a page, in one statement. */
    Map<Long, List<String>> tagNames(long accountId, Collection<Long> contactIds) {
        Map<Long, List<String>> names = new HashMap<>();
        if (contactIds.isEmpty()) {
            return names;
        }
        jdbc.sql("""
                        select ct.contact_id, t.name::text as name from contact_tags ct join tags t on t.id = ct.tag_id and t.account_id = ct.account_id
                        where ct.account_id = :account and ct.contact_id in (:ids) order by t.name""")
                .param("account", accountId).param("ids", contactIds)
                .query((row, n) -> names.computeIfAbsent(row.getLong("contact_id"), id -> new ArrayList<>()).add(row.getString("name")))
                .list();
        return names;
    }

    private ContactView contact(ResultSet row, int rowNumber) throws SQLException {
        return new ContactView(row.getLong("id"), row.getLong("account_id"), row.getString("first_name"),
                row.getString("last_name"), row.getString("phone"), row.getString("email"), row.getString("company"),
                json.readValue(row.getString("attributes"), ATTRIBUTES),
                ConsentStatus.ofCode(row.getString("consent_status")), row.getString("source"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }
}
