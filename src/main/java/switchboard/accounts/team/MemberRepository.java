package switchboard.accounts.team;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.accounts.Teammate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users and their memberships: who belongs to which account, with which role. */
@Repository
public class MemberRepository {

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long createUser(String email, String name, String passwordHash) {
        return jdbc.sql("insert into users (email, name, password_hash) values (:email, :name, :hash) returning id")
                .param("email", email).param("name", name).param("hash", passwordHash)
                .query(Long.class).single();
    }

    public Optional<User> findUserByEmail(String email) {
        return jdbc.sql("select id, email, name, password_hash from users where email = :email")
                .param("email", email)
                .query((rs, n) -> new User(rs.getLong("id"), rs.getString("email"), rs.getString("name"), rs.getString("password_hash")))
                .optional();
    }

    public void addMembership(long accountId, long userId, Role role) {
        jdbc.sql("""
                        insert into memberships (account_id, user_id, role) values (:accountId, :userId, :role)
                        on conflict (account_id, user_id) do update set role = excluded.role, active = true""")
                .param("accountId", accountId).param("userId", userId).param("role", role.code())
                .update();
    }

    /** The member as they stand now, if their membership in that account is active. */
    public Optional<Member> activeMember(long accountId, long userId) {
        return jdbc.sql("""
                        select u.id, u.email, u.name, m.account_id, m.role
                        from memberships m join users u on u.id = m.user_id
                        where m.account_id = :accountId and m.user_id = :userId and m.active""")
                .param("accountId", accountId).param("userId", userId)
                .query((rs, n) -> new Member(rs.getLong("id"), rs.getLong("account_id"), rs.getString("email"),
                        rs.getString("name"), Role.fromCode(rs.getString("role"))))
                .optional();
    }

    /** The account a user lands in after sign-in: the one they used last. */
    public Optional<Member> defaultMembership(long userId) {
        return jdbc.sql("""
                        select m.account_id from memberships m
                        where m.user_id = :userId and m.active
                        order by m.last_used_at desc nulls last, m.created_at
                        limit 1""")
                .param("userId", userId)
                .query(Long.class).optional()
                .flatMap(accountId -> activeMember(accountId, userId));
    }

    public void markUsed(long accountId, long userId, Instant at) {
        jdbc.sql("update memberships set last_used_at = :at where account_id = :accountId and user_id = :userId")
                .param("at", java.sql.Timestamp.from(at)).param("accountId", accountId).param("userId", userId)
                .update();
    }

    public List<Teammate> teammates(long accountId) {
        return jdbc.sql("""
                        select u.id, u.email, u.name, m.role, m.active
                        from memberships m join users u on u.id = m.user_id
                        where m.account_id = :accountId
                        order by m.active desc, lower(u.name), u.id""")
                .param("accountId", accountId)
                .query((rs, n) -> new Teammate(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                        Role.fromCode(rs.getString("role")), rs.getBoolean("active")))
                .list();
    }

    public Optional<Teammate> teammate(long accountId, long userId) {
        return jdbc.sql("""
                        select u.id, u.email, u.name, m.role, m.active
                        from memberships m join users u on u.id = m.user_id
                        where m.account_id = :accountId and m.user_id = :userId""")
                .param("accountId", accountId).param("userId", userId)
                .query((rs, n) -> new Teammate(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                        Role.fromCode(rs.getString("role")), rs.getBoolean("active")))
                .optional();
    }

    /** The membership of the user with this email in the account, active or not. */
    public Optional<Teammate> teammateByEmail(long accountId, String email) {
        return findUserByEmail(email).flatMap(user -> teammate(accountId, user.id()));
    }

    /**
     * Adds a user to an account they do not belong to yet. False when they already have a
     * membership there (active or deactivated): joining never changes an existing role or
     * turns deactivated access back on.
     */
    public boolean join(long accountId, long userId, Role role) {
        return jdbc.sql("""
                        insert into memberships (account_id, user_id, role) values (:accountId, :userId, :role)
                        on conflict (account_id, user_id) do nothing""")
                .param("accountId", accountId).param("userId", userId).param("role", role.code())
                .update() == 1;
    }

    /**
     * Serializes changes to one account's team (roles, access) until the transaction ends, so
     * two owners demoting each other at the same moment cannot leave the account without one.
     */
    public void lockTeam(long accountId) {
        jdbc.sql("select id from accounts where id = :accountId for update")
                .param("accountId", accountId).query(Long.class).optional();
    }

    public void setRole(long accountId, long userId, Role role) {
        jdbc.sql("update memberships set role = :role where account_id = :accountId and user_id = :userId")
                .param("role", role.code()).param("accountId", accountId).param("userId", userId)
                .update();
    }

    public void setActive(long accountId, long userId, boolean active) {
        jdbc.sql("update memberships set active = :active where account_id = :accountId and user_id = :userId")
                .param("active", active).param("accountId", accountId).param("userId", userId)
                .update();
    }

    public int activeOwners(long accountId) {
        return jdbc.sql("select count(*) from memberships where account_id = :accountId and role = 'owner' and active")
                .param("accountId", accountId).query(Integer.class).single();
    }

    public record User(long id, String email, String name, String passwordHash) {
    }
}
