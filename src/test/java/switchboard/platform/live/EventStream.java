package switchboard.platform.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A text/event-stream read over real HTTP the way a browser's EventSource reads it: GET /events
 * with the session cookie, lines parsed into events as they arrive, each stamped on arrival.
 */
final class EventStream implements AutoCloseable {

    record Event(String id, String name, String data, long arrivedNanos) {
    }

    private final HttpClient http;
    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile String retry;

    private EventStream(HttpClient http, HttpResponse<InputStream> response) {
        this.http = http;
        this.response = response;
        if (response.statusCode() == 200) {
            Thread.ofVirtual().name("test-event-stream").start(this::read);
        } else {
            ended.countDown();
        }
    }

    static EventStream open(int port, CookieHandler cookies, String lastEventId) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/events"))
                .header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStream(http, http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next event, or null if none arrives in time. */
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event whose data contains the text, skipping others; null if none arrives in time. */
    Event nextContaining(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Event event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event != null && event.data().contains(text)) {
                return event;
            }
        }
        return null;
    }

    String nextComment(Duration timeout) throws InterruptedException {
        return comments.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String retry() {
        return retry;
    }

    /** Whether the server ended the stream in time. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // closing anyway
        }
        http.shutdownNow();
    }

    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = "message";
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString(), System.nanoTime()));
                    }
                    id = null;
                    name = "message";
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("retry:")) {
                    retry = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException ignored) {
            // closed by the test
        } finally {
            ended.countDown();
        }
    }
}
