package switchboard.platform.live;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import switchboard.accounts.Role;
import switchboard.accounts.team.MemberRepository;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams end after their lifetime so that the reconnect re-checks the session and membership:
 * a teammate whose access was turned off stops receiving the account's events, and a tab that
 * stays a member misses nothing across the reconnect.
 */
@SwitchboardTest
@TestPropertySource(properties = "switchboard.live.stream-lifetime=2s")
class LiveStreamLifetimeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    LiveEvents live;

    @Autowired
    MemberRepository members;

    @Test
    void aStreamEndsAfterItsLifetimeAndTheReconnectReplaysWhatHappenedMeanwhile() throws Exception {
        var tenant = tenants.create("Lifetime Laundry");
        var browser = new Browserless(port);
        browser.signIn(tenant.owner().email(), TestTenants.PASSWORD);
        long seen;
        try (var stream = EventStream.open(port, browser.cookies(), null)) {
            seen = live.publish(tenant.accountId(), "test.before", null, "Before the end");
            assertThat(stream.nextContaining("Before the end", Duration.ofSeconds(2))).isNotNull();
            assertThat(stream.awaitEnd(Duration.ofSeconds(10))).as("the stream ends after its lifetime").isTrue();
        }
        live.publish(tenant.accountId(), "test.between", null, "Between streams");
        try (var again = EventStream.open(port, browser.cookies(), Long.toString(seen))) {
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.nextContaining("Between streams", Duration.ofSeconds(2))).isNotNull();
        }
    }

    @Test
    void aTeammateWhoseAccessWasTurnedOffIsRefusedAtTheReconnect() throws Exception {
        var tenant = tenants.create("Revoked Rentals");
        var agent = tenants.addMember(tenant.accountId(), Role.AGENT);
        var browser = new Browserless(port);
        browser.signIn(agent.email(), TestTenants.PASSWORD);
        try (var stream = EventStream.open(port, browser.cookies(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            members.setActive(tenant.accountId(), agent.userId(), false);
            assertThat(stream.awaitEnd(Duration.ofSeconds(10))).isTrue();
        }
        try (var again = EventStream.open(port, browser.cookies(), null)) {
            assertThat(again.status()).isEqualTo(401);
        }
    }
}
