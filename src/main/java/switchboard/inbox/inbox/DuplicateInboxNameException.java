package switchboard.inbox.inbox;

import switchboard.platform.web.ConflictException;

/** Names are unique per account regardless of case, so "support" clashes with "Support". */
public class DuplicateInboxNameException extends ConflictException {

    public DuplicateInboxNameException(InboxName name) {
        super("An inbox named " + name.value() + " already exists in this account. Choose another name.");
    }
}
