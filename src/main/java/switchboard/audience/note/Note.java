package switchboard.audience.note;

import java.time.Instant;

/** A teammate's note on a contact's profile; authorName is the teammate's current name. */
public record Note(long id, long contactId, long authorId, String authorName, String body, Instant createdAt) {
}
