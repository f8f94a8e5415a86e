package switchboard.platform.live;

import java.time.Instant;

/**
 * Something that just happened in one account, as the open browser tabs of that account see it.
 *
 * @param id        ascending per database; the SSE event id a reconnecting tab sends back
 * @param accountId the only account whose tabs receive it
 * @param type      what changed, dotted lower case, e.g. {@code inbox.changed}; browsers get it as
 *                  the DOM event {@code live:<type>} on {@code <body>}
 * @param subjectId the changed thing's id, if there is one (a conversation, an inbox)
 * @param text      a short sentence for the activity log, or null for a silent refresh
 */
public record LiveEvent(long id, long accountId, String type, Long subjectId, String text, Instant createdAt) {
}
