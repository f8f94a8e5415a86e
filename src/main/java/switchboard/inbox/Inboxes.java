package switchboard.inbox;

import org.springframework.stereotype.Service;
import switchboard.inbox.inbox.InboxRepository;

/** What other modules may ask of the inbox module. */
@Service
public class Inboxes {

    private final InboxRepository inboxes;

    Inboxes(InboxRepository inboxes) {
        this.inboxes = inboxes;
    }

    public int count(long accountId) {
        return inboxes.count(accountId);
    }
}
