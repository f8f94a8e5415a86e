package switchboard.audience.tag;

import java.time.Instant;

/** A tag of one account, with the number of contacts that carry it (when the reader asked for it). */
public record Tag(long id, String name, long contactCount, Instant createdAt) {
}
