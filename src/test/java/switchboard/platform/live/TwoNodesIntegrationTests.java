package switchboard.platform.live;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database, as two nodes behind a load balancer: this test's
 * context is node 1, a second SpringApplication in the same JVM is node 2. Browser sessions are
 * in the database, so a sign-in on node 1 is valid on node 2.
 */
@SwitchboardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIntegrationTests {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @LocalServerPort
    int port1;

    @Value("${switchboard.database.url}")
    String databaseUrl;

    @Autowired
    LiveEvents live1;

    @Autowired
    TestTenants tenants;

    SecondNode node2;
    int port2;

    @BeforeAll
    void startSecondNode() {
        node2 = SecondNode.start(databaseUrl);
        port2 = node2.port();
    }

    @AfterAll
    void stopSecondNode() {
        node2.close();
    }

    @Test
    @Order(1)
    void anEventPublishedOnOneNodeReachesTheAccountsStreamsOnTheOther() throws InterruptedException {
        var alpha = tenants.create("Alpha");
        long b = tenants.create("Bravo").accountId();
        var browser = signedInOnNode1(alpha);
        LiveEvents live2 = node2.bean(LiveEvents.class);

        try (var onNode2 = EventStream.open(port2, browser.cookies(), null);
             var onNode1 = EventStream.open(port1, browser.cookies(), null)) {
            assertThat(onNode2.status()).as("node 2 accepts the session made on node 1").isEqualTo(200);

            live1.publish(b, "inbox.changed", null, "Bravo's, from node 1");
            long fromNode1 = live1.publish(alpha.accountId(), "inbox.changed", null, "From node 1");
            long fromNode2 = live2.publish(alpha.accountId(), "inbox.changed", null, "From node 2");

            for (var stream : List.of(onNode1, onNode2)) {
                assertThat(stream.next(SECOND).id()).isEqualTo(Long.toString(fromNode1));
                assertThat(stream.next(SECOND).id()).isEqualTo(Long.toString(fromNode2));
            }
        }
    }

    @Test
    @Order(2)
    void savingAccountSettingsOnOneNodeReachesATabOnTheOther() throws InterruptedException {
        var alpha = tenants.create("Alpha");
        var browser = signedInOnNode1(alpha);

        try (var onNode2 = EventStream.open(port2, browser.cookies(), null)) {
            assertThat(onNode2.nextComment(SECOND)).isEqualTo("connected");
            browser.submit("/settings/account", "/settings/account",
                    Map.of("name", "Alpha Two", "timeZone", "Europe/Rome", "defaultCountry", "IT"));

            assertThat(onNode2.next(SECOND).data()).contains("\"type\":\"account.changed\"")
                    .contains("Account settings saved by " + alpha.owner().name());
        }
    }

    /** Publish on one node, read on a stream of the other: 50 events, one after another. */
    @Test
    @Order(3)
    void deliversAcrossNodesWellWithinASecond() throws InterruptedException {
        var alpha = tenants.create("Alpha");
        var browser = signedInOnNode1(alpha);
        LiveEvents live2 = node2.bean(LiveEvents.class);

        try (var onNode2 = EventStream.open(port2, browser.cookies(), null)) {
            assertThat(onNode2.nextComment(SECOND)).isEqualTo("connected");
            List<Long> sameNode = latencies(live2, alpha.accountId(), onNode2, 50);
            List<Long> acrossNodes = latencies(live1, alpha.accountId(), onNode2, 50);

            System.out.printf("live-latency SSE client, same node:    p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    millis(percentile(sameNode, 50)), millis(percentile(sameNode, 99)), millis(percentile(sameNode, 100)));
            System.out.printf("live-latency SSE client, across nodes: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    millis(percentile(acrossNodes, 50)), millis(percentile(acrossNodes, 99)), millis(percentile(acrossNodes, 100)));
            assertThat(percentile(acrossNodes, 100)).isLessThan(SECOND.toNanos());
            assertThat(percentile(sameNode, 100)).isLessThan(SECOND.toNanos());
        }
    }

    @Test
    @Order(4)
    void aStoppingNodeEndsItsStreamsInsteadOfWaitingForThem() throws InterruptedException {
        var alpha = tenants.create("Alpha");
        var browser = signedInOnNode1(alpha);
        var onNode2 = EventStream.open(port2, browser.cookies(), null);
        assertThat(onNode2.nextComment(SECOND)).isEqualTo("connected");

        long start = System.nanoTime();
        node2.close();

        assertThat(node2.running()).isFalse();
        assertThat(onNode2.awaitEnd(Duration.ofSeconds(5))).as("node 2 ended the stream").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        onNode2.close();
    }

    private Browserless signedInOnNode1(TestTenants.Tenant tenant) {
        var browser = new Browserless(port1);
        assertThat(browser.signIn(tenant.owner().email(), TestTenants.PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    private static List<Long> latencies(LiveEvents publisher, long accountId, EventStream stream, int count)
            throws InterruptedException {
        List<Long> nanos = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            long id = publisher.publish(accountId, "test.ping", null, "Ping " + i);
            var event = stream.next(SECOND);
            assertThat(event).as("ping %d arrived", i).isNotNull();
            assertThat(event.id()).isEqualTo(Long.toString(id));
            nanos.add(event.arrivedNanos() - start);
        }
        return nanos;
    }

    private static long percentile(List<Long> values, int percentile) {
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
