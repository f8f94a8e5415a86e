package switchboard.audience.list;

import java.time.Instant;
import java.util.List;

/**
 * A named list of contacts with its member count and the tags applied to it as a whole. Where a
 * reader asks only for names (a contact's lists), memberCount is 0 and tags is empty.
 */
public record ContactList(long id, String name, long memberCount, Instant createdAt, List<ListTag> tags) {

    public ContactList {
        tags = List.copyOf(tags);
    }

    /** A tag applied to the list: its members carry it, and so does every contact added later. */
    public record ListTag(long id, String name) {
    }
}
