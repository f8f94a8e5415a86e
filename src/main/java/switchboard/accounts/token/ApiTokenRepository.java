package switchboard.accounts.token;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import switchboard.accounts.Member;
import switchboard.accounts.Role;

import java.util.List;
import java.util.Optional;

@Repository
class ApiTokenRepository {

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(long accountId, long userId, String name, byte[] hash, String hint) {
        return jdbc.sql("""
                        insert into api_tokens (account_id, user_id, name, token_hash, token_hint)
                        values (:accountId, :userId, :name, :hash, :hint) returning id""")
                .param("accountId", accountId).param("userId", userId).param("name", name)
                .param("hash", hash).param("hint", hint)
                .query(Long.class).single();
    }

    /** The member a live token acts as: its creator, in its account, with their role there now. */
    Optional<TokenMember> memberFor(byte[] hash) {
        return jdbc.sql("""
                        select t.id as token_id, u.id as user_id, u.email, u.name, m.account_id, m.role
                        from api_tokens t
                        join memberships m on m.account_id = t.account_id and m.user_id = t.user_id and m.active
                        join users u on u.id = t.user_id
                        where t.token_hash = :hash and t.revoked_at is null""")
                .param("hash", hash)
                .query((rs, n) -> new TokenMember(rs.getLong("token_id"), new Member(rs.getLong("user_id"), rs.getLong("account_id"),
                        rs.getString("email"), rs.getString("name"), Role.fromCode(rs.getString("role")))))
                .optional();
    }

    /** Written at most once a minute per token, so API traffic does not turn into a write per call. */
    void touch(long tokenId) {
        jdbc.sql("""
                        update api_tokens set last_used_at = now()
                        where id = :id and (last_used_at is null or last_used_at < now() - interval '1 minute')""")
                .param("id", tokenId).update();
    }

    List<ApiToken> tokensOf(long accountId, long userId) {
        return jdbc.sql("""
                        select id, name, token_hint, created_at, last_used_at from api_tokens
                        where account_id = :accountId and user_id = :userId and revoked_at is null
                        order by created_at desc, id desc""")
                .param("accountId", accountId).param("userId", userId)
                .query((rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("token_hint"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant()))
                .list();
    }

    boolean revoke(long accountId, long userId, long tokenId) {
        return jdbc.sql("""
                        update api_tokens set revoked_at = now()
                        where id = :id and account_id = :accountId and user_id = :userId and revoked_at is null""")
                .param("id", tokenId).param("accountId", accountId).param("userId", userId)
                .update() == 1;
    }

    record TokenMember(long tokenId, Member member) {
    }
}
