package switchboard.platform.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Tuning of the live-updates streams (switchboard.live.*).
 *
 * @param heartbeat      how often an idle stream gets an SSE comment, so proxies keep it open and
 *                       a vanished browser is noticed by the failed write
 * @param retry          how long a browser waits before reconnecting (sent as SSE {@code retry:})
 * @param streamLifetime a stream ends after this and the browser reconnects at once; the
 *                       reconnect re-checks the session and membership (so a teammate whose
 *                       access was turned off stops receiving within this time), and
 *                       Last-Event-ID replays what happened in between
 * @param replayLimit    at most this many missed events are replayed to a reconnecting tab
 * @param retention      events older than this are deleted, and never replayed
 * @param cleanupInterval how often expired events are deleted
 */
@ConfigurationProperties("switchboard.live")
record LiveEventsProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("2s") Duration retry,
        @DefaultValue("2m") Duration streamLifetime,
        @DefaultValue("500") int replayLimit,
        @DefaultValue("1h") Duration retention,
        @DefaultValue("5m") Duration cleanupInterval) {
}
