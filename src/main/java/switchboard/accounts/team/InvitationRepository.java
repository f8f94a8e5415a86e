package switchboard.accounts.team;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import switchboard.accounts.Role;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Repository
class InvitationRepository {

    private static final String SELECT = """
            select i.id, i.account_id, a.name as account_name, i.email, i.role, u.name as invited_by_name,
                   i.created_at, i.expires_at, i.accepted_at, i.revoked_at
            from invitations i
            join accounts a on a.id = i.account_id
            join users u on u.id = i.invited_by
            """;

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(long accountId, String email, Role role, byte[] tokenHash, long invitedBy, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                        insert into invitations (account_id, email, role, token_hash, invited_by, created_at, expires_at)
                        values (:accountId, :email, :role, :hash, :invitedBy, :now, :expiresAt)
                        returning id""")
                .param("accountId", accountId).param("email", email).param("role", role.code())
                .param("hash", tokenHash).param("invitedBy", invitedBy)
                .param("now", Timestamp.from(now)).param("expiresAt", Timestamp.from(expiresAt))
                .query(Long.class).single();
    }

    Optional<Invitation> find(long accountId, long id) {
        return jdbc.sql(SELECT + "where i.account_id = :accountId and i.id = :id")
                .param("accountId", accountId).param("id", id)
                .query(InvitationRepository::invitation).optional();
    }

    /** Looked up by the link's token alone: the link is the invitee's only credential. */
    Optional<Invitation> findByTokenHash(byte[] tokenHash) {
        return jdbc.sql(SELECT + "where i.token_hash = :hash")
                .param("hash", tokenHash)
                .query(InvitationRepository::invitation).optional();
    }

    List<Invitation> pending(long accountId, Instant now) {
        return jdbc.sql(SELECT + """
                        where i.account_id = :accountId and i.accepted_at is null and i.revoked_at is null
                          and i.expires_at > :now
                        order by i.created_at desc, i.id desc""")
                .param("accountId", accountId).param("now", Timestamp.from(now))
                .query(InvitationRepository::invitation).list();
    }

    boolean revoke(long accountId, long id, Instant now) {
        return jdbc.sql("""
                        update invitations set revoked_at = :now
                        where account_id = :accountId and id = :id and accepted_at is null and revoked_at is null""")
                .param("accountId", accountId).param("id", id).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** A newer invite for the same email replaces the older links. */
    void revokePendingFor(long accountId, String email, Instant now) {
        jdbc.sql("""
                        update invitations set revoked_at = :now
                        where account_id = :accountId and email = :email and accepted_at is null and revoked_at is null""")
                .param("accountId", accountId).param("email", email).param("now", Timestamp.from(now))
                .update();
    }

    /** Marks the invite used; false if it was used, revoked or expired meanwhile (two tabs, two clicks). */
    boolean claim(long id, Instant now) {
        return jdbc.sql("""
                        update invitations set accepted_at = :now
                        where id = :id and accepted_at is null and revoked_at is null and expires_at > :now""")
                .param("id", id).param("now", Timestamp.from(now))
                .update() == 1;
    }

    private static Invitation invitation(ResultSet rs, int row) throws SQLException {
        return new Invitation(rs.getLong("id"), rs.getLong("account_id"), rs.getString("account_name"), rs.getString("email"),
                Role.fromCode(rs.getString("role")), rs.getString("invited_by_name"),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "accepted_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
