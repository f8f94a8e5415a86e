package switchboard.testsupport;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import switchboard.accounts.AccountSettings;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.accounts.account.AccountRepository;
import switchboard.accounts.team.MemberRepository;
import switchboard.accounts.token.ApiTokens;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes accounts with an owner and an API token straight through the repositories, for tests
 * about something other than setup and sign-in. Marks the installation as set up.
 */
@TestComponent
public class TestTenants {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger sequence = new AtomicInteger();

    private final AccountRepository accounts;
    private final MemberRepository members;
    private final ApiTokens tokens;
    private final PasswordEncoder passwords;
    private final JdbcClient jdbc;

    TestTenants(AccountRepository accounts, MemberRepository members, ApiTokens tokens, PasswordEncoder passwords, JdbcClient jdbc) {
        this.accounts = accounts;
        this.members = members;
        this.tokens = tokens;
        this.passwords = passwords;
        this.jdbc = jdbc;
    }

    public Tenant create(String businessName) {
        jdbc.sql("insert into installation (singleton) values (true) on conflict do nothing").update();
        long accountId = accounts.create(new AccountSettings(businessName, "America/New_York", "US"));
        Member owner = addMember(accountId, Role.OWNER);
        String token = tokens.create(owner, "tests").secret();
        return new Tenant(accountId, owner, token);
    }

    /** A new user with the given role in the account (password {@link #PASSWORD}). */
    public Member addMember(long accountId, Role role) {
        int n = sequence.incrementAndGet();
        String email = role.code() + n + "-" + System.nanoTime() + "@example.com";
        long userId = members.createUser(email, "Test " + role.label() + " " + n, passwords.encode(PASSWORD));
        members.addMembership(accountId, userId, role);
        return members.activeMember(accountId, userId).orElseThrow();
    }

    public String tokenFor(Member member) {
        return tokens.create(member, "tests").secret();
    }

    public record Tenant(long accountId, Member owner, String ownerToken) {
    }
}
