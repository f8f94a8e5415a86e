package switchboard.inbox;

/**
 * An inbox was created, renamed, given other members, or deleted. Channels that route into a
 * deleted inbox and open pages that list inboxes react to it.
 */
public record InboxChanged(long accountId, long inboxId, Change change) {

    public enum Change {
        CREATED, RENAMED, MEMBERS_CHANGED, DELETED
    }
}
