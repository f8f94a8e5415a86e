package switchboard.testsupport;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signed-in owners creating businesses through the real form (POST /accounts/new), one session
 * per thread, as fast as the server answers. A 302 to /chats is an acknowledged commit; each
 * request's outcome is kept so tests can judge how the server ended. Writers stop at the first
 * request that gets no answer (the server is gone) or when told to.
 */
public final class AccountWriters implements AutoCloseable {

    public static final String OWNER_EMAIL = "owner@example.com";
    public static final String OWNER_PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** One request: when it started and ended (System.nanoTime), its status, or the error instead. */
    public record Outcome(String name, long startedAt, long endedAt, int status, Throwable error) {

        public boolean acknowledged() {
            return status == 302;
        }
    }

    private final List<Thread> threads = new ArrayList<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();

    private AccountWriters() {
    }

    /** First-run setup through the form, making {@link #OWNER_EMAIL} the owner of "Setup Business". */
    public static void completeSetup(int port) {
        HttpResponse<String> created = new Browserless(port).submit("/setup", "/setup", Map.of("businessName", "Setup Business",
                "timeZone", "Europe/Berlin", "defaultCountry", "DE", "ownerName", "Olga Owner", "email", OWNER_EMAIL, "password", OWNER_PASSWORD));
        assertThat(Browserless.redirectPath(created)).as("setup answered %s: %s", created.statusCode(), created.body()).isEqualTo("/sign-in");
    }

    public static AccountWriters start(int port, int count, String prefix) {
        AccountWriters writers = new AccountWriters();
        for (int i = 0; i < count; i++) {
            Browserless browser = new Browserless(port);
            assertThat(Browserless.redirectPath(browser.signIn(OWNER_EMAIL, OWNER_PASSWORD))).isEqualTo("/chats");
            Matcher csrf = CSRF.matcher(browser.get("/accounts/new").body());
            assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
            String writer = prefix + "-" + i + "-";
            writers.threads.add(Thread.ofPlatform().name("writer-" + writer).start(() -> writers.write(browser, csrf.group(1), writer)));
        }
        return writers;
    }

    private void write(Browserless browser, String csrf, String prefix) {
        for (int n = 0; !stopping.get(); n++) {
            String name = prefix + n;
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = browser.post("/accounts/new",
                        Map.of("name", name, "timeZone", "UTC", "defaultCountry", "US", "_csrf", csrf));
                if (response.statusCode() == 302 && "/chats".equals(Browserless.redirectPath(response))) {
                    acknowledged.add(name);
                }
                outcomes.add(new Outcome(name, started, System.nanoTime(), response.statusCode(), null));
            } catch (IllegalStateException e) {
                outcomes.add(new Outcome(name, started, System.nanoTime(), 0, e.getCause() == null ? e : e.getCause()));
                return;
            }
        }
    }

    public void awaitAcknowledged(int count, Duration timeout) {
        await().atMost(timeout).until(() -> acknowledged.size() >= count || threads.stream().noneMatch(Thread::isAlive));
        assertThat(acknowledged).as("acknowledged writes before the deadline; outcomes so far: %s", outcomes.stream().limit(5).toList())
                .hasSizeGreaterThanOrEqualTo(count);
    }

    /** Waits for every writer to have stopped by itself (its server went away). */
    public void awaitFinished(Duration timeout) {
        for (Thread thread : threads) {
            try {
                assertThat(thread.join(timeout)).as("writer %s finished", thread.getName()).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    @Override
    public void close() {
        stopping.set(true);
        awaitFinished(Duration.ofSeconds(30));
    }
}
