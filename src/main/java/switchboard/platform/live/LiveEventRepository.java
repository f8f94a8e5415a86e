package switchboard.platform.live;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The live_events table. The bean works on the pool, inside the caller's transaction; the
 * listener makes an instance of its own on its dedicated connection (see {@link LiveEventListener}).
 * The queries without account_id serve the node's own dispatch, which then hands each event to
 * the subscribers of its account only.
 */
@Repository
class LiveEventRepository {

    static final String CHANNEL = "switchboard_live";

    private final JdbcClient jdbc;

    LiveEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One statement, so the row and its notification are atomic even without a transaction; in
     * one, PostgreSQL holds the notification until commit and drops it on rollback.
     */
    long insertAndNotify(long accountId, String type, Long subjectId, String text, Instant createdAt) {
        return jdbc.sql("""
                        with event as (
                            insert into live_events (account_id, type, subject_id, text, created_at)
                            values (:accountId, :type, :subjectId, :text, :createdAt)
                            returning id)
                        select id, pg_notify('%s', id::text) from event""".formatted(CHANNEL))
                .param("accountId", accountId)
                .param("type", type)
                .param("subjectId", subjectId)
                .param("text", text)
                .param("createdAt", Timestamp.from(createdAt))
                .query((rs, n) -> rs.getLong("id"))
                .single();
    }

    /** The rows behind a batch of notifications, in id order. */
    List<LiveEvent> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, account_id, type, subject_id, text, created_at from live_events
                        where id in (:ids) order by id""")
                .param("ids", ids)
                .query(LiveEventRepository::event)
                .list();
    }

    /** What was committed after the given id, for a listener catching up after a lost connection. */
    List<LiveEvent> findAfter(long afterId, int limit) {
        return jdbc.sql("""
                        select id, account_id, type, subject_id, text, created_at from live_events
                        where id > :afterId order by id limit :limit""")
                .param("afterId", afterId)
                .param("limit", limit)
                .query(LiveEventRepository::event)
                .list();
    }

    /** The newest {@code limit} events of one account after the given id and time, oldest first. */
    List<LiveEvent> findForAccountAfter(long accountId, long afterId, Instant since, int limit) {
        return jdbc.sql("""
                        select * from (
                            select id, account_id, type, subject_id, text, created_at from live_events
                            where account_id = :accountId and id > :afterId and created_at > :since
                            order by id desc limit :limit) newest
                        order by id""")
                .param("accountId", accountId)
                .param("afterId", afterId)
                .param("since", Timestamp.from(since))
                .param("limit", limit)
                .query(LiveEventRepository::event)
                .list();
    }

    long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from live_events").query(Long.class).single();
    }

    int deleteCreatedBefore(Instant cutoff) {
        return jdbc.sql("delete from live_events where created_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }

    private static LiveEvent event(ResultSet rs, int row) throws SQLException {
        long subjectId = rs.getLong("subject_id");
        return new LiveEvent(rs.getLong("id"), rs.getLong("account_id"), rs.getString("type"),
                rs.wasNull() ? null : subjectId, rs.getString("text"), rs.getTimestamp("created_at").toInstant());
    }
}
