package switchboard.accounts.team;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.accounts.Teammate;
import switchboard.platform.web.ConflictException;
import switchboard.platform.web.NotFoundException;

import java.util.List;

/**
 * Who may change whom in a team. Owners and admins manage teammates; only an owner makes
 * someone an owner or changes an owner; an account always keeps an active owner; nobody turns
 * off their own access. Each change locks the account's team, so the owner count it checks
 * is still true when it commits.
 */
@Service
public class Team {

    private final MemberRepository members;

    Team(MemberRepository members) {
        this.members = members;
    }

    public List<Teammate> teammates(Member viewer) {
        return members.teammates(viewer.accountId());
    }

    /** A teammate in the viewer's account; 404 for anyone else, including users of other accounts. */
    public Teammate teammate(Member viewer, long userId) {
        return members.teammate(viewer.accountId(), userId).orElseThrow(() -> new NotFoundException("Teammate " + userId));
    }

    /** Role and access in one go (the API's PATCH): both apply, or neither. Null leaves a value as it is. */
    @Transactional
    public Teammate change(Member actor, long userId, Role role, Boolean active) {
        Teammate changed = teammate(actor, userId);
        if (role != null) {
            changed = changeRole(actor, userId, role);
        }
        if (active != null) {
            changed = changeAccess(actor, userId, active);
        }
        return changed;
    }

    @Transactional
    public Teammate changeRole(Member actor, long userId, Role newRole) {
        Member manager = lockAndRecheck(actor);
        Teammate target = teammate(manager, userId);
        if (target.role() == newRole) {
            return target;
        }
        if ((newRole == Role.OWNER || target.role() == Role.OWNER) && manager.role() != Role.OWNER) {
            throw new AccessDeniedException("Only an owner can make someone an owner or change an owner's role.");
        }
        if (target.role() == Role.OWNER && target.active() && members.activeOwners(manager.accountId()) == 1) {
            throw new ConflictException(target.name() + " is the only active owner. Make someone else an owner first.");
        }
        members.setRole(manager.accountId(), userId, newRole);
        return teammate(manager, userId);
    }

    @Transactional
    public Teammate changeAccess(Member actor, long userId, boolean active) {
        Member manager = lockAndRecheck(actor);
        Teammate target = teammate(manager, userId);
        if (target.active() == active) {
            return target;
        }
        if (!active && userId == manager.userId()) {
            throw new ConflictException("You cannot deactivate yourself. Ask another owner or admin.");
        }
        if (target.role() == Role.OWNER && manager.role() != Role.OWNER) {
            throw new AccessDeniedException("Only an owner can deactivate or reactivate an owner.");
        }
        if (!active && target.role() == Role.OWNER && members.activeOwners(manager.accountId()) == 1) {
            throw new ConflictException(target.name() + " is the only active owner and cannot be deactivated.");
        }
        members.setActive(manager.accountId(), userId, active);
        return teammate(manager, userId);
    }

    /** The actor's role as it stands once the team is locked, not as their session remembers it. */
    private Member lockAndRecheck(Member actor) {
        members.lockTeam(actor.accountId());
        Member manager = members.activeMember(actor.accountId(), actor.userId())
                .orElseThrow(() -> new AccessDeniedException("Your access to this account has been turned off."));
        if (!manager.managesAccount()) {
            throw new AccessDeniedException("Only owners and admins manage the team.");
        }
        return manager;
    }
}
