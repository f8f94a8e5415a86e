package switchboard.inbox.inbox;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import switchboard.inbox.InboxChanged;
import switchboard.platform.live.LiveEvents;

/**
 * Tells the account's open tabs that an inbox changed. A plain (synchronous) listener on
 * purpose: it runs inside the change's transaction, so the live event is sent at its commit
 * and never for a change that rolled back.
 */
@Component
class InboxLiveUpdates {

    static final String TYPE = "inbox.changed";

    private final LiveEvents live;
    private final InboxRepository inboxes;

    InboxLiveUpdates(LiveEvents live, InboxRepository inboxes) {
        this.live = live;
        this.inboxes = inboxes;
    }

    @EventListener
    void on(InboxChanged change) {
        String name = inboxes.find(change.accountId(), change.inboxId()).map(Inbox::name).orElse(null);
        String text = switch (change.change()) {
            case CREATED -> "Inbox " + name + " was created";
            case RENAMED -> "An inbox was renamed to " + name;
            case MEMBERS_CHANGED -> "Members of inbox " + name + " changed";
            case DELETED -> "An inbox was deleted";
        };
        live.publish(change.accountId(), TYPE, change.inboxId(), text);
    }
}
