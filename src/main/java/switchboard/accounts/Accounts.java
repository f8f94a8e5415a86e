package switchboard.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import switchboard.accounts.account.AccountRepository;
import switchboard.accounts.team.MemberRepository;

import java.util.List;
import java.util.Optional;

/** What other modules may ask of accounts: the account, its teammates, whether someone belongs. */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final MemberRepository members;
    private final JdbcClient jdbc;

    Accounts(AccountRepository accounts, MemberRepository members, JdbcClient jdbc) {
        this.accounts = accounts;
        this.members = members;
        this.jdbc = jdbc;
    }

    public Optional<AccountView> account(long accountId) {
        return accounts.find(accountId);
    }

    public List<Teammate> teammates(long accountId) {
        return members.teammates(accountId);
    }

    public boolean isActiveMember(long accountId, long userId) {
        return members.activeMember(accountId, userId).isPresent();
    }

    /** True once first-run setup has created the first account. */
    public boolean isSetUp() {
        return jdbc.sql("select exists (select 1 from installation)").query(Boolean.class).single();
    }
}
