package switchboard.inbox.inbox;

import switchboard.accounts.Role;
import switchboard.accounts.Teammate;

/** A teammate as a member (or possible member) of an inbox. */
public record InboxMember(long userId, String name, String email, Role role) {

    static InboxMember of(Teammate teammate) {
        return new InboxMember(teammate.userId(), teammate.name(), teammate.email(), teammate.role());
    }
}
