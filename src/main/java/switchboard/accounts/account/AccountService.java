package switchboard.accounts.account;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import switchboard.accounts.AccountCreated;
import switchboard.accounts.AccountSettings;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.accounts.team.MemberRepository;
import switchboard.platform.live.LiveEvents;
import switchboard.platform.web.NotFoundException;

import java.time.Clock;

@Service
public class AccountService {

    private final AccountRepository accounts;
    private final MemberRepository members;
    private final ApplicationEventPublisher events;
    private final LiveEvents live;
    private final Clock clock;

    AccountService(AccountRepository accounts, MemberRepository members, ApplicationEventPublisher events,
                   LiveEvents live, Clock clock) {
        this.accounts = accounts;
        this.members = members;
        this.events = events;
        this.live = live;
        this.clock = clock;
    }

    /** A signed-in user starts another business and becomes its owner. */
    @Transactional
    public Member createAnother(Member creator, AccountSettings settings) {
        long accountId = accounts.create(settings);
        members.addMembership(accountId, creator.userId(), Role.OWNER);
        members.markUsed(accountId, creator.userId(), clock.instant());
        events.publishEvent(new AccountCreated(accountId));
        return members.activeMember(accountId, creator.userId()).orElseThrow();
    }

    /** Saves the settings and tells the account's open tabs, once the change is committed. */
    @Transactional
    public void update(Member admin, AccountSettings settings) {
        accounts.update(admin.accountId(), settings);
        live.publish(admin.accountId(), "account.changed", admin.accountId(), "Account settings saved by " + admin.name());
    }

    /** The same user in another of their accounts; 404 when they are not an active member there. */
    public Member memberIn(long accountId, long userId) {
        Member member = members.activeMember(accountId, userId).orElseThrow(() -> new NotFoundException("Account " + accountId));
        members.markUsed(accountId, userId, clock.instant());
        return member;
    }
}
