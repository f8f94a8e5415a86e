package switchboard.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** Calls the REST API over real HTTP as a program would: JSON in and out, a bearer token or none. */
public class BearerClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    public BearerClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public Answer get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Answer post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    public Answer put(String path, String token, String json) {
        return send("PUT", path, token, json);
    }

    public Answer patch(String path, String token, String json) {
        return send("PATCH", path, token, json);
    }

    public Answer delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /** token null: no Authorization header at all. */
    public Answer send(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Accept", "application/json, application/problem+json, */*;q=0.1");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers(), method + " " + path);
        } catch (IOException e) {
            throw new IllegalStateException("API call failed: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** toString names the request and shows the body, so a failed assertion explains itself. */
    public record Answer(int status, String contentType, String body, HttpHeaders headers, String request) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + body;
        }
    }
}
