package switchboard.inbox.inbox;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import switchboard.platform.live.LiveEvent;
import switchboard.platform.live.LiveEvents;
import switchboard.testsupport.BearerClient;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Inbox changes reach the account's open tabs as live events, and only that account's. */
@SwitchboardTest
class InboxLiveUpdatesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    LiveEvents live;

    @Test
    void creatingAndDeletingAnInboxIsAnnouncedToItsAccountOnly() throws Exception {
        var mine = tenants.create("Announcing Bikes");
        var theirs = tenants.create("Quiet Books");
        BlockingQueue<LiveEvent> mineSeen = new LinkedBlockingQueue<>();
        BlockingQueue<LiveEvent> theirsSeen = new LinkedBlockingQueue<>();
        try (var a = live.subscribe(mine.accountId(), mineSeen::add); var b = live.subscribe(theirs.accountId(), theirsSeen::add)) {
            BearerClient api = new BearerClient(port);
            long id = api.post("/api/v1/inboxes", mine.ownerToken(), """
                    {"name": "Repairs"}""").json().get("id").asLong();

            LiveEvent created = mineSeen.poll(5, TimeUnit.SECONDS);
            assertThat(created).isNotNull();
            assertThat(created.type()).isEqualTo("inbox.changed");
            assertThat(created.subjectId()).isEqualTo(id);
            assertThat(created.text()).isEqualTo("Inbox Repairs was created");

            api.delete("/api/v1/inboxes/" + id, mine.ownerToken());
            LiveEvent deleted = mineSeen.poll(5, TimeUnit.SECONDS);
            assertThat(deleted).isNotNull();
            assertThat(deleted.text()).isEqualTo("An inbox was deleted");

            // A fence: once the other account's own event arrives, nothing of ours came before it.
            live.publish(theirs.accountId(), "test.fence", null, null);
            assertThat(theirsSeen.poll(5, TimeUnit.SECONDS)).extracting(LiveEvent::type).isEqualTo("test.fence");
            assertThat(theirsSeen).isEmpty();
        }
    }
}
