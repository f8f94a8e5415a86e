package switchboard.platform.live;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import switchboard.platform.database.DatabaseProperties;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The live-updates pipe on one node: publish in a transaction, LISTEN/NOTIFY, SSE to the tab. */
@SwitchboardTest
@TestPropertySource(properties = "switchboard.live.heartbeat=300ms")
class LiveEventsIntegrationTests {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @LocalServerPort
    int port;

    @Autowired
    LiveEvents live;

    @Autowired
    LiveStreams streams;

    @Autowired
    LiveEventCleanup cleanup;

    @Autowired
    TestTenants tenants;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DatabaseProperties database;

    @Test
    void deliversAnEventOnlyToSubscribersOfItsOwnAccount() throws InterruptedException {
        long a = tenants.create("Alpha").accountId();
        long b = tenants.create("Bravo").accountId();
        BlockingQueue<LiveEvent> atA = new LinkedBlockingQueue<>();
        BlockingQueue<LiveEvent> atB = new LinkedBlockingQueue<>();
        try (var subscriptionA = live.subscribe(a, atA::add); var subscriptionB = live.subscribe(b, atB::add)) {
            long first = live.publish(a, "inbox.changed", 7L, "For Alpha");
            long other = live.publish(b, "inbox.changed", 8L, "For Bravo");
            long fence = live.publish(a, "inbox.changed", null, "Alpha again");

            assertThat(atA.poll(1, TimeUnit.SECONDS)).isEqualTo(new LiveEvent(first, a, "inbox.changed", 7L, "For Alpha",
                    jdbc.sql("select created_at from live_events where id = :id").param("id", first).query(java.sql.Timestamp.class).single().toInstant()));
            assertThat(atA.poll(1, TimeUnit.SECONDS).id()).isEqualTo(fence);
            assertThat(atB.poll(1, TimeUnit.SECONDS).id()).isEqualTo(other);
            // One listener thread delivers in commit order: the fences arrived, so nothing else is on its way.
            assertThat(atA).isEmpty();
            assertThat(atB).isEmpty();
        }
    }

    @Test
    void deliversAtCommitAndNeverWhenTheTransactionRollsBack() throws InterruptedException {
        long a = tenants.create("Alpha").accountId();
        BlockingQueue<LiveEvent> received = new LinkedBlockingQueue<>();
        try (var subscription = live.subscribe(a, received::add)) {
            transactions.executeWithoutResult(status -> {
                live.publish(a, "inbox.changed", null, "Rolled back");
                status.setRollbackOnly();
            });
            transactions.executeWithoutResult(status -> {
                live.publish(a, "inbox.changed", null, "Committed");
                // A fence committed while this transaction is still open: it arrives, the event above does not yet.
                var separate = new TransactionTemplate(transactions.getTransactionManager());
                separate.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
                separate.executeWithoutResult(inner -> live.publish(a, "inbox.changed", null, "Fence"));
                try {
                    assertThat(received.poll(1, TimeUnit.SECONDS).text()).isEqualTo("Fence");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                assertThat(received).isEmpty();
            });

            assertThat(received.poll(1, TimeUnit.SECONDS).text()).isEqualTo("Committed");
            assertThat(received).isEmpty();
            assertThat(jdbc.sql("select count(*) from live_events where text = 'Rolled back' and account_id = :a")
                    .param("a", a).query(Integer.class).single()).isZero();
        }
    }

    @Test
    void streamsTheAccountsEventsToASignedInTab() throws InterruptedException {
        var alpha = tenants.create("Alpha");
        long b = tenants.create("Bravo").accountId();
        var browser = signedIn(alpha);

        try (var stream = EventStream.open(port, browser.cookies(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            assertThat(stream.nextComment(SECOND)).isEqualTo("connected");
            assertThat(stream.retry()).isEqualTo("2000");

            live.publish(b, "inbox.changed", null, "Bravo's secret");
            long id = live.publish(alpha.accountId(), "inbox.changed", 42L, "New chat in \"Support\"");

            var event = stream.next(SECOND);
            assertThat(event.name()).isEqualTo("live");
            assertThat(event.id()).isEqualTo(Long.toString(id));
            assertThat(event.data()).isEqualTo("{\"type\":\"inbox.changed\",\"subjectId\":42,\"text\":\"New chat in \\\"Support\\\"\"}");
        }
    }

    @Test
    void savingAccountSettingsReachesTheAccountsOpenTabs() throws InterruptedException {
        var alpha = tenants.create("Alpha");
        var browser = signedIn(alpha);

        try (var stream = EventStream.open(port, browser.cookies(), null)) {
            var saved = browser.submit("/settings/account", "/settings/account",
                    Map.of("name", "Alpha Bakery", "timeZone", "Europe/Paris", "defaultCountry", "FR"));
            assertThat(Browserless.redirectPath(saved)).isEqualTo("/settings/account");

            var event = stream.next(SECOND);
            assertThat(event.data()).isEqualTo("{\"type\":\"account.changed\",\"subjectId\":" + alpha.accountId()
                    + ",\"text\":\"Account settings saved by " + alpha.owner().name() + "\"}");
        }
    }

    @Test
    void replaysWhatATabMissedAfterItsLastEventId() throws InterruptedException {
        var alpha = tenants.create("Alpha");
        long b = tenants.create("Bravo").accountId();
        var browser = signedIn(alpha);
        long seen = live.publish(alpha.accountId(), "inbox.changed", null, "Seen before the drop");
        long missed1 = live.publish(alpha.accountId(), "inbox.changed", null, "Missed one");
        live.publish(b, "inbox.changed", null, "Bravo's, never replayed to Alpha");
        long missed2 = live.publish(alpha.accountId(), "inbox.changed", null, "Missed two");

        try (var stream = EventStream.open(port, browser.cookies(), Long.toString(seen))) {
            assertThat(stream.next(SECOND).id()).isEqualTo(Long.toString(missed1));
            assertThat(stream.next(SECOND).id()).isEqualTo(Long.toString(missed2));
            long live2 = live.publish(alpha.accountId(), "inbox.changed", null, "Live again");
            assertThat(stream.next(SECOND).id()).isEqualTo(Long.toString(live2));
        }
    }

    @Test
    void holdsNoDatabaseConnectionWhileStreaming() throws InterruptedException {
        var alpha = tenants.create("Alpha");
        var browser = signedIn(alpha);
        List<EventStream> tabs = new ArrayList<>();
        try {
            for (int i = 0; i < database.maxPoolSize() + 5; i++) {
                tabs.add(EventStream.open(port, browser.cookies(), null));
            }
            assertThat(browser.get("/chats").statusCode()).isEqualTo(200);
            long id = live.publish(alpha.accountId(), "inbox.changed", null, "To every tab");
            for (var tab : tabs) {
                assertThat(tab.nextContaining("To every tab", SECOND).id()).isEqualTo(Long.toString(id));
            }
        } finally {
            tabs.forEach(EventStream::close);
        }
    }

    @Test
    void sendsHeartbeatsAndForgetsATabThatWentAway() throws InterruptedException {
        var alpha = tenants.create("Alpha");
        var browser = signedIn(alpha);
        int before = streams.openCount();

        var stream = EventStream.open(port, browser.cookies(), null);
        assertThat(stream.nextComment(SECOND)).isEqualTo("connected");
        assertThat(stream.nextComment(SECOND)).isEqualTo("heartbeat");
        assertThat(streams.openCount()).isEqualTo(before + 1);

        stream.close();
        // The next heartbeat's write fails and the stream is unregistered.
        await().atMost(Duration.ofSeconds(5)).until(() -> streams.openCount() == before);
    }

    @Test
    void refusesTheStreamWithoutSessionAndNeverReturnsToItAfterSignIn() {
        var alpha = tenants.create("Alpha");
        var browser = new Browserless(port);

        try (var stream = EventStream.open(port, browser.cookies(), null)) {
            assertThat(stream.status()).isEqualTo(401);
        }
        var signedIn = browser.signIn(alpha.owner().email(), TestTenants.PASSWORD);
        assertThat(Browserless.redirectPath(signedIn)).isEqualTo("/chats");
    }

    @Test
    void catchesUpAfterTheListenerLostItsDatabaseConnection() throws InterruptedException {
        long a = tenants.create("Alpha").accountId();
        BlockingQueue<LiveEvent> received = new LinkedBlockingQueue<>();
        try (var subscription = live.subscribe(a, received::add)) {
            assertThat(terminateListenerConnection()).isEqualTo(1);
            live.publish(a, "inbox.changed", null, "While the listener reconnects");

            assertThat(received.poll(5, TimeUnit.SECONDS).text()).isEqualTo("While the listener reconnects");
            live.publish(a, "inbox.changed", null, "Fence");
            assertThat(received.poll(1, TimeUnit.SECONDS).text()).isEqualTo("Fence");
            assertThat(received).isEmpty();
        }
    }

    @Test
    void deletesEventsOlderThanTheRetention() {
        long a = tenants.create("Alpha").accountId();
        long old = live.publish(a, "inbox.changed", null, "Two hours ago");
        long recent = live.publish(a, "inbox.changed", null, "Just now");
        jdbc.sql("update live_events set created_at = now() - interval '2 hours' where id = :id").param("id", old).update();

        assertThat(cleanup.deleteExpired()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select id from live_events where id in (:ids)").param("ids", List.of(old, recent))
                .query(Long.class).list()).containsExactly(recent);
    }

    @Test
    void rejectsATypeThatIsNotADottedLowerCaseName() {
        long a = tenants.create("Alpha").accountId();
        assertThatThrownBy(() -> live.publish(a, "Inbox Changed", null, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dotted lower case");
        assertThatThrownBy(() -> live.publish(a, "inbox.changed", null, "x".repeat(501)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("500 characters");
    }

    private Browserless signedIn(TestTenants.Tenant tenant) {
        var browser = new Browserless(port);
        assertThat(browser.signIn(tenant.owner().email(), TestTenants.PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    private int terminateListenerConnection() {
        List<Integer> pids = jdbc.sql("""
                        select pid from pg_stat_activity
                        where application_name = :name and datname = current_database()""")
                .param("name", LiveEventListener.APPLICATION_NAME)
                .query(Integer.class).list();
        pids.forEach(pid -> jdbc.sql("select pg_terminate_backend(:pid)").param("pid", pid).query(Boolean.class).single());
        return pids.size();
    }
}
