package switchboard.audience.importing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import switchboard.testsupport.BearerClient;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file over the upload limit, lowered here to 4 KB, over real HTTP: the wizard goes back to the
 * Import page with a message naming the limit, the API answers a 413 problem; nothing is stored.
 */
@SwitchboardTest
@TestPropertySource(properties = {"spring.servlet.multipart.max-file-size=4KB", "spring.servlet.multipart.max-request-size=4KB"})
class UploadLimitIntegrationTests {

    private static final byte[] SMALL = "Phone\n2125550101\n".getBytes(StandardCharsets.UTF_8);
    /** About 11 KB, well over the limit. */
    private static final byte[] LARGE = ("Phone\n" + "2125550101\n".repeat(1000)).getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theWizardShowsTheLimitOnTheImportPage() {
        Tenant tenant = tenants.create("Big File Bakery");
        Browserless browser = new Browserless(port);
        browser.signIn(tenant.owner().email(), TestTenants.PASSWORD);
        assertThat(browser.get("/audience/import").body()).contains("Up to 4 KB;");

        HttpResponse<String> refused = browser.upload("/audience/import", "/audience/import", "file", "big.csv", LARGE);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(303);
        assertThat(Browserless.redirectPath(refused)).isEqualTo("/audience/import");
        String page = browser.get("/audience/import").body();
        assertThat(page).contains("role=\"alert\">The file is larger than 4 KB, the most one import takes; split it into smaller files.</p>")
                .contains("aria-invalid=\"true\"");
        assertThat(browser.get("/audience/import").body()).as("said once").contains("role=\"alert\" hidden=\"hidden\"></p>");
        assertThat(importsOf(tenant)).isZero();

        HttpResponse<String> accepted = browser.upload("/audience/import", "/audience/import", "file", "small.csv", SMALL);
        assertThat(Browserless.redirectPath(accepted)).as("a file within the limit goes on to its preview").matches("/audience/import/\\d+");
        assertThat(importsOf(tenant)).isOne();
    }

    @Test
    void anApiUploadWithoutATokenIsUnauthorisedWhateverItsSize() {
        HttpResponse<String> unsigned = multipart(null, LARGE);
        assertThat(unsigned.statusCode()).as(unsigned.body()).isEqualTo(401);
    }

    @Test
    void theApiAnswersAProblemNamingTheLimit() {
        Tenant tenant = tenants.create("Big File Api");

        HttpResponse<String> refused = multipart(tenant.ownerToken(), LARGE);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = BearerClient.parse(refused.body());
        assertThat(problem.get("detail").asString()).isEqualTo("The file is larger than 4 KB, the most one upload takes; split it into smaller files.");
        assertThat(problem.get("field").asString()).isEqualTo("file");
        assertThat(problem.get("maxBytes").asLong()).isEqualTo(4096);
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        assertThat(importsOf(tenant)).isZero();

        assertThat(multipart(tenant.ownerToken(), SMALL).statusCode()).as("a file within the limit").isEqualTo(201);
    }

    private long importsOf(Tenant tenant) {
        return jdbc.sql("select count(*) from imports where account_id = :account").param("account", tenant.accountId())
                .query(Long.class).single();
    }

    /** POST /api/v1/imports as curl -F file=@big.csv sends it. */
    private HttpResponse<String> multipart(String token, byte[] content) {
        String boundary = "----switchboard" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports"))
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
