package switchboard.platform.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * The subscribers on this node, by account. An event reaches only the subscribers of its own
 * account; that map lookup is the whole of the tenancy rule for live updates.
 */
@Component
class LiveEventBus {

    private static final Logger log = LoggerFactory.getLogger(LiveEventBus.class);

    private final Map<Long, Set<Consumer<LiveEvent>>> subscribers = new ConcurrentHashMap<>();

    LiveEvents.Subscription subscribe(long accountId, Consumer<LiveEvent> subscriber) {
        subscribers.computeIfAbsent(accountId, id -> new CopyOnWriteArraySet<>()).add(subscriber);
        return () -> subscribers.computeIfPresent(accountId, (id, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    void deliver(LiveEvent event) {
        for (Consumer<LiveEvent> subscriber : subscribers.getOrDefault(event.accountId(), Set.of())) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                // One broken subscriber must not keep the event from the others.
                log.warn("A live event subscriber failed on event {}", event.id(), e);
            }
        }
    }
}
