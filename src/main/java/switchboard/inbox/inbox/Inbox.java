package switchboard.inbox.inbox;

import java.time.Instant;
import java.util.List;

/** An inbox of one account and the users who are its members. */
public record Inbox(long id, String name, List<Long> memberIds, Instant createdAt, Instant updatedAt) {

    public Inbox {
        memberIds = List.copyOf(memberIds);
    }

    public int memberCount() {
        return memberIds.size();
    }

    public boolean hasMember(long userId) {
        return memberIds.contains(userId);
    }
}
