package switchboard.audience.note;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Notes on contacts. Every statement names the account. */
@Repository
class NoteRepository {

    record StoredNote(long id, long contactId, long authorId, String body, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    NoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(long accountId, long contactId, long authorId, String body, Instant now) {
        return jdbc.sql("""
                        insert into contact_notes (account_id, contact_id, author_id, body, created_at)
                        values (:account, :contact, :author, :body, :now) returning id""")
                .param("account", accountId).param("contact", contactId).param("author", authorId).param("body", body)
                .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    /** Newest first; ties (same instant) by id so the order is stable. */
    List<StoredNote> of(long accountId, long contactId) {
        return jdbc.sql("""
                        select id, contact_id, author_id, body, created_at from contact_notes
                        where account_id = :account and contact_id = :contact order by created_at desc, id desc""")
                .param("account", accountId).param("contact", contactId).query(NoteRepository::note).list();
    }

    Optional<StoredNote> find(long accountId, long contactId, long noteId) {
        return jdbc.sql("""
                        select id, contact_id, author_id, body, created_at from contact_notes
                        where account_id = :account and contact_id = :contact and id = :id""")
                .param("account", accountId).param("contact", contactId).param("id", noteId).query(NoteRepository::note).optional();
    }

    boolean delete(long accountId, long contactId, long noteId) {
        return jdbc.sql("delete from contact_notes where account_id = :account and contact_id = :contact and id = :id")
                .param("account", accountId).param("contact", contactId).param("id", noteId).update() == 1;
    }

    private static StoredNote note(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new StoredNote(row.getLong("id"), row.getLong("contact_id"), row.getLong("author_id"), row.getString("body"),
                row.getTimestamp("created_at").toInstant());
    }
}
