package switchboard.platform.live;

import com.zaxxer.hikari.HikariConfig;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * This node's ear on the database: one connection of its own doing {@code LISTEN switchboard_live}.
 * Each notification carries an event id; the listener reads the row and hands it to this node's
 * subscribers of that row's account. So an event published on any node reaches the streams held
 * by every node.
 *
 * <p>The connection is not from the pool: it stays checked out for the life of the node, and a
 * pooled connection would be validated, recycled and counted against the pool. When it breaks,
 * the listener reconnects with backoff and first catches up with the events committed meanwhile
 * (ids above the last one it saw). It starts before the web server and stops after it, and always
 * before the DataSource closes.
 */
@Component
class LiveEventListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveEventListener.class);
    private static final int WAIT_MILLIS = 1_000;
    private static final Duration HEALTH_CHECK = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int CATCH_UP_LIMIT = 10_000;
    static final String APPLICATION_NAME = "switchboard-live";

    private final HikariConfig database;
    private final LiveEventBus bus;
    private final CountDownLatch listening = new CountDownLatch(1);
    private final Map<Long, Boolean> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > 4096;
        }
    };
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;
    private long lastSeenId = -1;

    LiveEventListener(DataSource dataSource, LiveEventBus bus) throws SQLException {
        this.database = dataSource.unwrap(HikariConfig.class);
        this.bus = bus;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofVirtual().name("live-events-listener").start(this::listenUntilStopped);
        try {
            // Streams served from the first request on should not miss an event; a database that
            // is not reachable yet only delays this, the listener keeps trying in the background.
            listening.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        closeQuietly(connection);
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server (DEFAULT_PHASE - 2048) and stops after it. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }

    private void listenUntilStopped() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try (Connection opened = connect()) {
                connection = opened;
                backoff = Duration.ofMillis(100);
                listen(opened);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Live events listener lost its database connection ({}); reconnecting in {} ms",
                        e.getMessage(), backoff.toMillis());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void listen(Connection opened) throws SQLException {
        try (Statement statement = opened.createStatement()) {
            statement.execute("listen " + LiveEventRepository.CHANNEL);
        }
        var events = new LiveEventRepository(JdbcClient.create(new SingleConnectionDataSource(opened, true)));
        if (lastSeenId < 0) {
            lastSeenId = events.lastId();
        } else {
            // Listening again before reading, so nothing committed in between is missed; what
            // arrives twice (read here and notified) is dropped by its id.
            events.findAfter(lastSeenId, CATCH_UP_LIMIT).forEach(this::deliver);
        }
        listening.countDown();
        PGConnection notifications = opened.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
            if (received == null || received.length == 0) {
                if (System.nanoTime() - quietSince > HEALTH_CHECK.toNanos()) {
                    // A silently dropped connection never reports itself while we only wait.
                    if (!opened.isValid(5)) {
                        throw new SQLException("listener connection is no longer valid");
                    }
                    quietSince = System.nanoTime();
                }
                continue;
            }
            quietSince = System.nanoTime();
            events.findAll(ids(received)).forEach(this::deliver);
        }
    }

    private static List<Long> ids(PGNotification[] notifications) {
        List<Long> ids = new ArrayList<>(notifications.length);
        for (PGNotification notification : notifications) {
            if (LiveEventRepository.CHANNEL.equals(notification.getName())) {
                try {
                    ids.add(Long.parseLong(notification.getParameter()));
                } catch (NumberFormatException e) {
                    log.warn("Ignored a notification on {} that is not an event id", LiveEventRepository.CHANNEL);
                }
            }
        }
        return ids;
    }

    private void deliver(LiveEvent event) {
        if (recent.put(event.id(), Boolean.TRUE) == null) {
            lastSeenId = Math.max(lastSeenId, event.id());
            bus.deliver(event);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.putAll(database.getDataSourceProperties());
        if (database.getUsername() != null) {
            properties.setProperty("user", database.getUsername());
        }
        if (database.getPassword() != null) {
            properties.setProperty("password", database.getPassword());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        // Bounds the health check and the row reads on a connection that died silently.
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(database.getJdbcUrl(), properties);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // stopping anyway
            }
        }
    }
}
