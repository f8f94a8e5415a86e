package switchboard.platform.live;

import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Live updates for the open browser tabs of an account, on every node.
 *
 * <p>{@link #publish} inside the transaction of a change: the event becomes visible to the tabs
 * of that account only if and when the transaction commits, on whichever node they are
 * connected. In a browser it arrives as the DOM event {@code live:<type>} on {@code <body>}, so a
 * page refreshes what it shows with {@code hx-trigger="live:inbox.changed from:body"}, and its
 * text is listed in the page's live log.
 */
@Service
public class LiveEvents {

    /** Dotted lower-case words: safe as part of a DOM event name. */
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*");
    private static final int MAX_TYPE = 100;
    private static final int MAX_TEXT = 500;

    private final LiveEventRepository events;
    private final LiveEventBus bus;
    private final Clock clock;

    LiveEvents(LiveEventRepository events, LiveEventBus bus, Clock clock) {
        this.events = events;
        this.bus = bus;
        this.clock = clock;
    }

    /**
     * Announces a change to the open tabs of one account. Joins the caller's transaction, if any.
     *
     * @param accountId the account whose tabs may see it; take it from the acting member, never
     *                  from a request parameter
     * @param type      what changed, dotted lower case: {@code inbox.changed}, {@code account.changed}
     * @param subjectId the id of the changed thing, or null
     * @param text      a short sentence for the activity log ("Account settings saved by Ann"),
     *                  at most 500 characters; null for a silent refresh
     * @return the event's id
     */
    public long publish(long accountId, String type, Long subjectId, String text) {
        if (type == null || type.length() > MAX_TYPE || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("A live event type is dotted lower case, like inbox.changed: " + type);
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("A live event text has at most " + MAX_TEXT + " characters");
        }
        return events.insertAndNotify(accountId, type, subjectId, text, clock.instant());
    }

    /**
     * Calls the subscriber with every event of the account committed from now on, on any node,
     * until the subscription is closed. It runs on the one thread that feeds all subscribers of
     * this node, so it must return quickly: hand the event over, don't work on it.
     */
    public Subscription subscribe(long accountId, Consumer<LiveEvent> subscriber) {
        return bus.subscribe(accountId, subscriber);
    }

    /** Ends a {@link #subscribe subscription}; closing twice is harmless. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
