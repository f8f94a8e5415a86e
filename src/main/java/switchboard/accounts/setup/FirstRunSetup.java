package switchboard.accounts.setup;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import switchboard.accounts.AccountCreated;
import switchboard.accounts.AccountSettings;
import switchboard.accounts.Role;
import switchboard.accounts.account.AccountRepository;
import switchboard.accounts.team.MemberRepository;
import switchboard.accounts.team.NewPassword;
import switchboard.accounts.team.ValidEmail;
import switchboard.platform.web.FieldError;

/** Creates the first account and its owner, exactly once per installation. */
@Service
class FirstRunSetup {

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final MemberRepository members;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    FirstRunSetup(JdbcClient jdbc, AccountRepository accounts, MemberRepository members, PasswordEncoder passwords,
                  ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.members = members;
        this.passwords = passwords;
    }

    /** The installation row is claimed first: a second attempt, even a concurrent one, is refused. */
    @Transactional
    long setUp(AccountSettings business, String ownerName, String email, NewPassword password) {
        int claimed = jdbc.sql("insert into installation (singleton) values (true) on conflict do nothing").update();
        if (claimed == 0) {
            throw new SetupAlreadyDoneException();
        }
        String owner = ownerName == null ? "" : ownerName.strip();
        if (owner.isEmpty() || owner.length() > 200) {
            throw new FieldError("ownerName", "Enter your name.");
        }
        String address = ValidEmail.normalize(email);
        long accountId = accounts.create(business);
        long userId = members.createUser(address, owner, passwords.encode(password.value()));
        members.addMembership(accountId, userId, Role.OWNER);
        events.publishEvent(new AccountCreated(accountId));
        return accountId;
    }
}
