package switchboard.platform.live;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Collectors;

/**
 * One browser tab's stream. Events are queued and written by a virtual thread of the stream's
 * own, so a slow or vanished browser holds up nobody but itself: the listener only queues. A tab
 * that falls too far behind is closed; its browser reconnects and is replayed what it missed.
 */
final class LiveStream {

    static final String EVENT_NAME = "live";
    private static final int QUEUE_CAPACITY = 256;
    private static final Object HEARTBEAT = new Object();
    private static final Object END = new Object();

    private final long accountId;
    private final SseEmitter emitter;
    private final BlockingQueue<Object> outbox = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private List<LiveEvent> replay = List.of();
    private Set<Long> replayed = Set.of();
    private final long retryMillis;
    private volatile boolean ended;
    private volatile boolean abandoned;

    /** The JSON data of an SSE event, as switchboard.js reads it. */
    record Payload(String type, Long subjectId, String text) {
    }

    LiveStream(long accountId, SseEmitter emitter, long retryMillis) {
        this.accountId = accountId;
        this.emitter = emitter;
        this.retryMillis = retryMillis;
    }

    /**
     * What the tab missed, sent before anything queued. Read after the stream subscribed, so an
     * event is either in here or queued (or both: the queued copy is then skipped).
     * Called before the writer starts.
     */
    void replay(List<LiveEvent> missed) {
        replay = List.copyOf(missed);
        replayed = missed.stream().map(LiveEvent::id).collect(Collectors.toUnmodifiableSet());
    }

    /** Called by the listener thread: never blocks. */
    void offer(LiveEvent event) {
        if (event.accountId() == accountId && !outbox.offer(event)) {
            end();
        }
    }

    void heartbeat() {
        outbox.offer(HEARTBEAT);
    }

    /** Makes the writer complete the response, dropping what is still queued. */
    void end() {
        ended = true;
        outbox.clear();
        outbox.offer(END);
    }

    /**
     * The container ended the response itself (timeout, error, browser gone): the writer stops
     * without completing it, since completing from a second thread races the container on it.
     */
    void abandon() {
        abandoned = true;
        end();
    }

    /** The stream's writer; returns when the stream ends or the browser is gone. */
    void write() {
        try {
            emitter.send(SseEmitter.event().reconnectTime(retryMillis).comment("connected"));
            for (LiveEvent event : replay) {
                send(event);
            }
            while (!ended) {
                Object next = outbox.take();
                if (next == END || ended) {
                    break;
                } else if (next == HEARTBEAT) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                } else if (next instanceof LiveEvent event && !replayed.contains(event.id())) {
                    send(event);
                }
            }
        } catch (IOException | IllegalStateException e) {
            // The browser is gone, or the response was completed meanwhile (timeout, shutdown).
            // Not complete() here: the container already dispatches the failure on its own thread,
            // and completing from this one as well races it on the response (seen as an NPE
            // inside Tomcat's header list and a stream that never finished).
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!abandoned) {
            emitter.complete();
        }
    }

    private void send(LiveEvent event) throws IOException {
        emitter.send(SseEmitter.event()
                .id(Long.toString(event.id()))
                .name(EVENT_NAME)
                .data(new Payload(event.type(), event.subjectId(), event.text()), MediaType.APPLICATION_JSON));
    }
}
