package switchboard.platform.live;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The browser tabs connected to this node. Opens a stream per tab (subscribed to its account,
 * replayed what it missed), sends the heartbeats, and ends every stream when the node begins to
 * stop, so graceful shutdown does not wait for streams that never end by themselves.
 */
@Component
class LiveStreams implements SmartLifecycle {

    private final LiveEvents events;
    private final LiveEventRepository repository;
    private final LiveEventsProperties properties;
    private final Clock clock;
    private final Set<LiveStream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean accepting = true;
    private volatile boolean running;
    private ScheduledExecutorService heartbeats;

    LiveStreams(LiveEvents events, LiveEventRepository repository, LiveEventsProperties properties, Clock clock) {
        this.events = events;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A stream of the account's events from now on, preceded by those after {@code lastEventId}
     * (the last one the tab saw before it lost its connection), if given.
     */
    SseEmitter open(long accountId, Long lastEventId) {
        if (!accepting) {
            return endedAtOnce();
        }
        var emitter = new SseEmitter(properties.streamLifetime().toMillis());
        var stream = new LiveStream(accountId, emitter, properties.retry().toMillis());
        LiveEvents.Subscription subscription = events.subscribe(accountId, stream::offer);
        Runnable close = () -> {
            subscription.close();
            open.remove(stream);
            stream.abandon();
        };
        emitter.onCompletion(close);
        emitter.onError(error -> close.run());
        // A stream that reached its lifetime ends normally; the browser reconnects and replays.
        emitter.onTimeout(close);
        if (lastEventId != null) {
            stream.replay(repository.findForAccountAfter(accountId, lastEventId,
                    clock.instant().minus(properties.retention()), properties.replayLimit()));
        }
        open.add(stream);
        LiveStreamStartFilter.startAfterRequest(() -> Thread.ofVirtual().name("live-stream-" + accountId).start(stream::write));
        return emitter;
    }

    /**
     * A node that is stopping answers with a stream that ends at once. A refusal (503) would make
     * the browser give up for good; an ended stream makes it reconnect, reaching another node.
     */
    private SseEmitter endedAtOnce() {
        var emitter = new SseEmitter();
        try {
            emitter.send(SseEmitter.event().reconnectTime(properties.retry().toMillis()).comment("node stopping"));
        } catch (IOException ignored) {
            // the browser is gone already
        }
        emitter.complete();
        return emitter;
    }

    int openCount() {
        return open.size();
    }

    /** Ends every stream; their browsers reconnect (to another node, or to this one after a restart). */
    void endAll() {
        List.copyOf(open).forEach(LiveStream::end);
    }

    @Override
    public void start() {
        accepting = true;
        long every = properties.heartbeat().toMillis();
        heartbeats = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("live-heartbeats").daemon().factory());
        heartbeats.scheduleAtFixedRate(() -> open.forEach(LiveStream::heartbeat), every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        accepting = false;
        running = false;
        heartbeats.shutdownNow();
        endAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops first, before the web server's graceful shutdown waits for open requests. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE;
    }
}
