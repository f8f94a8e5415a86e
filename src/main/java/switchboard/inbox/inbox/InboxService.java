package switchboard.inbox.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import switchboard.accounts.Accounts;
import switchboard.accounts.Member;
import switchboard.accounts.Teammate;
import switchboard.inbox.InboxChanged;
import switchboard.inbox.InboxChanged.Change;
import switchboard.platform.web.ConflictException;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.NotFoundException;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creating, renaming and deleting inboxes and choosing their members. The account always comes
 * from the acting member; an inbox of another account is "not found". Role checks sit on the
 * controllers ({@code hasRole('ADMIN')}).
 *
 * <p>Members are users with an active membership in the account. A teammate whose access is
 * turned off keeps their row here but is not shown or counted as a member; turned on again,
 * they are back in their inboxes.
 */
@Service
public class InboxService {

    private static final Logger log = LoggerFactory.getLogger(InboxService.class);

    private final InboxRepository inboxes;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InboxService(InboxRepository inboxes, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.inboxes = inboxes;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** The account's inboxes by name, each with its active members only. */
    public List<Inbox> list(Member member) {
        Set<Long> active = activeTeammateIds(member.accountId());
        return inboxes.list(member.accountId()).stream().map(inbox -> onlyActive(inbox, active)).toList();
    }

    public Inbox get(Member member, long inboxId) {
        Inbox inbox = inboxes.find(member.accountId(), inboxId).orElseThrow(() -> notFound(inboxId));
        return onlyActive(inbox, activeTeammateIds(member.accountId()));
    }

    @Transactional
    public Inbox create(Member admin, InboxName name) {
        long id;
        try {
            id = inboxes.create(admin.accountId(), name, clock.instant());
        } catch (DuplicateKeyException e) {
            throw duplicate(name);
        }
        log.info("Inbox {} created in account {} by user {}", id, admin.accountId(), admin.userId());
        events.publishEvent(new InboxChanged(admin.accountId(), id, Change.CREATED));
        return get(admin, id);
    }

    @Transactional
    public Inbox rename(Member admin, long inboxId, InboxName name) {
        Inbox inbox = get(admin, inboxId);
        if (inbox.name().equals(name.value())) {
            return inbox;
        }
        try {
            inboxes.rename(admin.accountId(), inboxId, name, clock.instant());
        } catch (DuplicateKeyException e) {
            throw duplicate(name);
        }
        log.info("Inbox {} renamed in account {} by user {}", inboxId, admin.accountId(), admin.userId());
        events.publishEvent(new InboxChanged(admin.accountId(), inboxId, Change.RENAMED));
        return get(admin, inboxId);
    }

    @Transactional
    public void delete(Member admin, long inboxId) {
        if (!inboxes.delete(admin.accountId(), inboxId)) {
            throw notFound(inboxId);
        }
        log.info("Inbox {} deleted in account {} by user {}", inboxId, admin.accountId(), admin.userId());
        events.publishEvent(new InboxChanged(admin.accountId(), inboxId, Change.DELETED));
    }

    /** The inbox's members: the account's active teammates chosen for it, by name. */
    public List<InboxMember> members(Member member, long inboxId) {
        Inbox inbox = get(member, inboxId);
        return activeTeammates(member.accountId()).stream()
                .filter(teammate -> inbox.hasMember(teammate.userId()))
                .map(InboxMember::of)
                .toList();
    }

    /** Who can be chosen as a member: the account's active teammates. */
    public List<InboxMember> candidates(Member member) {
        return activeTeammates(member.accountId()).stream().map(InboxMember::of).toList();
    }

    /**
     * Makes exactly these users the inbox's members. The inbox must be found first (404 before
     * any check of the list, so the answer says nothing about other accounts' inboxes); then
     * every user must be an active teammate in this account.
     */
    @Transactional
    public List<InboxMember> setMembers(Member admin, long inboxId, Collection<Long> userIds) {
        if (!inboxes.lock(admin.accountId(), inboxId)) {
            throw notFound(inboxId);
        }
        if (userIds == null) {
            throw new FieldError("userIds", "List the user ids of the inbox's members (an empty list for none).");
        }
        Set<Long> chosen = new LinkedHashSet<>(userIds);
        if (chosen.contains(null)) {
            throw new FieldError("userIds", "A member's user id is missing.");
        }
        Set<Long> active = activeTeammateIds(admin.accountId());
        for (Long userId : chosen) {
            if (!active.contains(userId)) {
                throw new FieldError("userIds", "User " + userId + " is not an active teammate in this account.");
            }
        }
        inboxes.replaceMembers(admin.accountId(), inboxId, chosen, clock.instant());
        log.info("Inbox {} in account {} now has {} member(s), set by user {}", inboxId, admin.accountId(), chosen.size(), admin.userId());
        events.publishEvent(new InboxChanged(admin.accountId(), inboxId, Change.MEMBERS_CHANGED));
        return members(admin, inboxId);
    }

    /** Renames and sets members in one step, as the settings form does: all or nothing. */
    @Transactional
    public Inbox update(Member admin, long inboxId, InboxName name, Collection<Long> userIds) {
        rename(admin, inboxId, name);
        setMembers(admin, inboxId, userIds);
        return get(admin, inboxId);
    }

    private List<Teammate> activeTeammates(long accountId) {
        return accounts.teammates(accountId).stream().filter(Teammate::active).toList();
    }

    private Set<Long> activeTeammateIds(long accountId) {
        return activeTeammates(accountId).stream().map(Teammate::userId).collect(Collectors.toSet());
    }

    private static Inbox onlyActive(Inbox inbox, Set<Long> active) {
        return new Inbox(inbox.id(), inbox.name(), inbox.memberIds().stream().filter(active::contains).toList(),
                inbox.createdAt(), inbox.updatedAt());
    }

    private static NotFoundException notFound(long inboxId) {
        return new NotFoundException("Inbox " + inboxId);
    }

    private static ConflictException duplicate(InboxName name) {
        return new DuplicateInboxNameException(name);
    }
}
