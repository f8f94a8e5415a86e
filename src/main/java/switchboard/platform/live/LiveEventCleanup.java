package switchboard.platform.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes live events older than the retention, every cleanup interval. Every node runs it; a
 * delete by age is idempotent, so nodes need no coordination.
 */
@Component
class LiveEventCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveEventCleanup.class);

    private final LiveEventRepository events;
    private final LiveEventsProperties properties;
    private final Clock clock;
    private ScheduledExecutorService timer;

    LiveEventCleanup(LiveEventRepository events, LiveEventsProperties properties, Clock clock) {
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes the expired events; returns how many. */
    int deleteExpired() {
        return events.deleteCreatedBefore(clock.instant().minus(properties.retention()));
    }

    @Override
    public void start() {
        long every = properties.cleanupInterval().toMillis();
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("live-events-cleanup").daemon().factory());
        timer.scheduleWithFixedDelay(this::deleteExpiredQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        timer.shutdownNow();
        timer = null;
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    private void deleteExpiredQuietly() {
        try {
            deleteExpired();
        } catch (RuntimeException e) {
            // The next run tries again; a passing database outage must not end the schedule.
            log.warn("Could not delete expired live events: {}", e.getMessage());
        }
    }
}
