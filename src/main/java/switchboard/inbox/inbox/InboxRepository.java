package switchboard.inbox.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Inboxes and their members. Every statement is scoped by the account the caller acts in. */
@Repository
public class InboxRepository {

    private static final String SELECT_INBOXES = """
            select i.id, i.name, i.created_at, i.updated_at,
                   coalesce(array_agg(m.user_id order by m.user_id) filter (where m.user_id is not null), '{}') as member_ids
            from inboxes i
            left join inbox_members m on m.inbox_id = i.id and m.account_id = i.account_id
            where i.account_id = :accountId
            """;

    private final JdbcClient jdbc;

    InboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int count(long accountId) {
        return jdbc.sql("select count(*) from inboxes where account_id = :accountId")
                .param("accountId", accountId).query(Integer.class).single();
    }

    /** Fails with DuplicateKeyException when the account has an inbox of that name in any case. */
    long create(long accountId, InboxName name, Instant now) {
        return jdbc.sql("""
                        insert into inboxes (account_id, name, created_at, updated_at)
                        values (:accountId, :name, :now, :now)
                        returning id""")
                .param("accountId", accountId).param("name", name.value()).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    List<Inbox> list(long accountId) {
        return jdbc.sql(SELECT_INBOXES + " group by i.id order by lower(i.name), i.id")
                .param("accountId", accountId)
                .query(InboxRepository::inbox).list();
    }

    Optional<Inbox> find(long accountId, long inboxId) {
        return jdbc.sql(SELECT_INBOXES + " and i.id = :inboxId group by i.id")
                .param("accountId", accountId).param("inboxId", inboxId)
                .query(InboxRepository::inbox).optional();
    }

    /** Locks the inbox row until the transaction ends, so concurrent member changes apply one after the other. */
    boolean lock(long accountId, long inboxId) {
        return jdbc.sql("select id from inboxes where account_id = :accountId and id = :inboxId for update")
                .param("accountId", accountId).param("inboxId", inboxId)
                .query(Long.class).optional().isPresent();
    }

    /** Fails with DuplicateKeyException when another inbox of the account has that name in any case. */
    boolean rename(long accountId, long inboxId, InboxName name, Instant now) {
        return jdbc.sql("""
                        update inboxes set name = :name, updated_at = :now
                        where account_id = :accountId and id = :inboxId""")
                .param("accountId", accountId).param("inboxId", inboxId)
                .param("name", name.value()).param("now", Timestamp.from(now))
                .update() == 1;
    }

    boolean delete(long accountId, long inboxId) {
        return jdbc.sql("delete from inboxes where account_id = :accountId and id = :inboxId")
                .param("accountId", accountId).param("inboxId", inboxId)
                .update() == 1;
    }

    /** Replaces the members; call with the inbox locked (see {@link #lock}). */
    void replaceMembers(long accountId, long inboxId, Collection<Long> userIds, Instant now) {
        jdbc.sql("delete from inbox_members where account_id = :accountId and inbox_id = :inboxId")
                .param("accountId", accountId).param("inboxId", inboxId)
                .update();
        if (!userIds.isEmpty()) {
            jdbc.sql("""
                            insert into inbox_members (account_id, inbox_id, user_id)
                            select :accountId, :inboxId, user_id from unnest(:userIds) as chosen(user_id)""")
                    .param("accountId", accountId).param("inboxId", inboxId)
                    .param("userIds", userIds.toArray(Long[]::new))
                    .update();
        }
        jdbc.sql("update inboxes set updated_at = :now where account_id = :accountId and id = :inboxId")
                .param("accountId", accountId).param("inboxId", inboxId).param("now", Timestamp.from(now))
                .update();
    }

    private static Inbox inbox(ResultSet rs, int row) throws SQLException {
        Array members = rs.getArray("member_ids");
        List<Long> memberIds = Arrays.asList((Long[]) members.getArray());
        return new Inbox(rs.getLong("id"), rs.getString("name"), memberIds,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
