package switchboard.platform.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import switchboard.testsupport.BearerClient;
import switchboard.testsupport.CurrentLogFile;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SwitchboardTest
@ExtendWith(OutputCaptureExtension.class)
class RequestIdIntegrationTests {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void keepsAPlainRequestIdFromTheCaller() throws Exception {
        String id = "lb-2f9c.77_A";
        assertThat(requestId(get("/actuator/health", id))).isEqualTo(id);
        assertThat(requestId(get("/actuator/health", "x".repeat(64)))).isEqualTo("x".repeat(64));
    }

    @Test
    void replacesARequestIdThatIsTooLongOrNotPlain() throws Exception {
        for (String offered : List.of("x".repeat(65), "a b", "id\"},{\"level\":\"ERROR", "<script>", "")) {
            assertThat(requestId(get("/actuator/health", offered))).as(offered).matches(UUID);
        }
    }

    @Test
    void givesEveryRequestWithoutOneAFreshId() throws Exception {
        String first = requestId(get("/actuator/health", null));
        String second = requestId(get("/sign-in", null));
        assertThat(first).matches(UUID);
        assertThat(second).matches(UUID).isNotEqualTo(first);
        assertThat(requestId(get("/no/such/page", null))).as("error responses too").matches(UUID);
        assertThat(requestId(get("/api/v1/inboxes", null))).as("refused API calls too").matches(UUID);
    }

    @Test
    void everyLogLineOfARequestCarriesItsIdOnTheConsoleAndInTheStructuredFile(CapturedOutput output) throws Exception {
        String token = tenants.create("Logged").ownerToken();
        String id = "trace-" + System.nanoTime();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/inboxes"))
                .header("X-Request-Id", id).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Logged inbox\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);

        assertThat(output.getOut().lines().filter(line -> line.contains("[" + id + "]")))
                .anySatisfy(line -> assertThat(line).contains("Inbox").contains("created"));

        Path file = CurrentLogFile.path();
        assertThat(file).as("tests log under target/, not into a data folder").startsWith(Path.of("target"));
        List<JsonNode> lines = jsonLinesWith(file, id);
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.get("requestId").asString()).isEqualTo(id);
            assertThat(line.get("message").asString()).contains("created");
            assertThat(line.get("log").get("level").asString()).isEqualTo("INFO");
        });
    }

    private HttpResponse<String> get(String path, String requestId) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String requestId(HttpResponse<?> response) {
        return response.headers().firstValue("X-Request-Id").orElseThrow(() -> new AssertionError("no X-Request-Id in " + response));
    }

    private static List<JsonNode> jsonLinesWith(Path file, String text) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> line.contains(text)).map(BearerClient::parse).toList();
    }
}
