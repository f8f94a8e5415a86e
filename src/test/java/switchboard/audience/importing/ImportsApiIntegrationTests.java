package switchboard.audience.importing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.testsupport.BearerClient;
import switchboard.testsupport.BearerClient.Answer;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** /api/v1/imports over real HTTP, as a program imports: upload, start, poll to the end, fetch the errors, cancel. */
@SwitchboardTest
class ImportsApiIntegrationTests {

    private static final String FILE = """
            Given Name,Surname,Mobile,E-mail,Plan
            Ana,Lima,212 234 0501,ana@example.com,gold
            Ben,Okafor,not a phone,,silver
            Cy,Dunn,(212) 234-0503,cy@example.com,gold
            """;

    @LocalServerPort int port;
    @Autowired TestTenants tenants;
    @Autowired JdbcClient jdbc;

    BearerClient api;
    TestTenants.Tenant tenant;

    @BeforeEach
    void newAccount() {
        api = new BearerClient(port);
        tenant = tenants.create("Api Importer");
    }

    @Test
    void uploadAnswersThePreviewWithTheDetectedMapping() {
        Answer uploaded = upload(tenant.ownerToken(), "people.csv", FILE);

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode body = uploaded.json();
        assertThat(uploaded.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/imports/" + body.get("id").asString()));
        assertThat(body.get("status").asString()).isEqualTo("uploaded");
        assertThat(body.get("fileName").asString()).isEqualTo("people.csv");
        assertThat(body.get("estimatedRows").asLong()).isEqualTo(3);
        assertThat(body.get("preview").get("delimiter").asString()).isEqualTo("comma");
        assertThat(body.get("preview").get("encoding").asString()).isEqualTo("UTF-8");
        assertThat(body.get("preview").get("headers")).extracting(JsonNode::asString).containsExactly("Given Name", "Surname", "Mobile", "E-mail", "Plan");
        assertThat(body.get("preview").get("rows")).hasSize(3);
        assertThat(body.get("preview").get("rows").get(0).get(0).asString()).isEqualTo("Ana");
        assertThat(body.get("mapping")).extracting(JsonNode::asString)
                .containsExactly("field:first_name", "field:last_name", "field:phone", "field:email", "ignore");
    }

    @Test
    void startedImportRunsToTheEndAndReportsTheRejectedRows() {
        api.post("/api/v1/attributes", tenant.ownerToken(), "{\"label\": \"Plan\", \"type\": \"choice\", \"choices\": [\"Gold\", \"Silver\"]}");
        String id = upload(tenant.ownerToken(), "people.csv", FILE).json().get("id").asString();

        Answer started = api.post("/api/v1/imports/" + id + "/start", tenant.ownerToken(), """
                {"mapping": ["field:first_name", "field:last_name", "field:phone", "field:email", "attribute:plan"],
                 "listName": "API leads", "tags": ["api", "spring"], "duplicatePolicy": "overwrite",
                 "consentAttestation": "They signed up on our form."}""");
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.json().get("status").asString()).isIn("queued", "running", "completed");

        JsonNode done = awaitFinished(id);
        assertThat(done.get("status").asString()).isEqualTo("completed");
        assertThat(done.get("rowsRead").asLong()).isEqualTo(3);
        assertThat(done.get("created").asLong()).isEqualTo(2);
        assertThat(done.get("failed").asLong()).isEqualTo(1);
        assertThat(done.get("preview").isNull()).as("the file is gone once imported").isTrue();
        assertThat(done.get("mapping").get(4).asString()).isEqualTo("attribute:plan");
        assertThat(done.get("options").get("listName").asString()).isEqualTo("API leads");
        assertThat(done.get("options").get("duplicatePolicy").asString()).isEqualTo("overwrite");
        assertThat(done.get("options").get("attested").asBoolean()).isTrue();
        assertThat(jdbc.sql("""
                        select c.attributes ->> 'plan' from contacts c
                        where c.account_id = :a and c.phone = '+12122340503' and c.consent_status = 'opted_in'""")
                .param("a", tenant.accountId()).query(String.class).single()).isEqualTo("Gold");

        Answer errors = api.get("/api/v1/imports/" + id + "/errors", tenant.ownerToken());
        assertThat(errors.status()).isEqualTo(200);
        assertThat(errors.contentType()).startsWith("text/csv");
        assertThat(errors.header("Content-Disposition")).hasValue("attachment; filename=\"people-errors.csv\"");
        assertThat(errors.body()).isEqualTo("line,reason,row\r\n"
                + "3,\"Phone: 'not a phone' is not a phone number: it has no digits or has letters\",\"Ben,Okafor,not a phone,,silver\"\r\n");

        // The account's open tabs heard of the start, the batch and the end; the end with the summary for the activity log.
        assertThat(jdbc.sql("""
                        select coalesce(text, '-') from live_events
                        where account_id = :a and type = 'import.progress' and subject_id = :id order by id""")
                .param("a", tenant.accountId()).param("id", Long.parseLong(id)).query(String.class).list())
                .containsExactly("-", "-", "Import of people.csv completed: 2 created, 0 updated, 0 skipped, 1 failed");

        Answer list = api.get("/api/v1/imports", tenant.ownerToken());
        assertThat(list.json().get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(list.json().get("items").get(0).get("created").asLong()).isEqualTo(2);
    }

    @Test
    void startWithoutAPhoneOrEmailColumnIsAProblemNamingTheMapping() {
        String id = upload(tenant.ownerToken(), "people.csv", FILE).json().get("id").asString();

        Answer refused = api.post("/api/v1/imports/" + id + "/start", tenant.ownerToken(),
                "{\"mapping\": [\"field:first_name\", \"field:last_name\", \"ignore\", \"ignore\", \"ignore\"], \"listName\": \"X\"}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("field").asString()).isEqualTo("mapping");
        assertThat(refused.json().get("detail").asString()).isEqualTo("Choose which column holds the phone number or the email address");

        Answer unknownTarget = api.post("/api/v1/imports/" + id + "/start", tenant.ownerToken(),
                "{\"mapping\": [\"field:nickname\"], \"listName\": \"X\"}");
        assertThat(unknownTarget.json().get("field").asString()).as(unknownTarget.toString()).isEqualTo("mapping");
        Answer noList = api.post("/api/v1/imports/" + id + "/start", tenant.ownerToken(),
                "{\"mapping\": [\"ignore\", \"ignore\", \"field:phone\"]}");
        assertThat(noList.json().get("field").asString()).as(noList.toString()).isEqualTo("listName");
        assertThat(api.get("/api/v1/imports/" + id, tenant.ownerToken()).json().get("status").asString()).isEqualTo("uploaded");
    }

    @Test
    void cancellingAWaitingImportStopsItBeforeAnyRow() {
        String id = upload(tenant.ownerToken(), "people.csv", FILE).json().get("id").asString();

        Answer cancelled = api.post("/api/v1/imports/" + id + "/cancel", tenant.ownerToken(), null);

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("created").asLong()).isZero();
        Answer start = api.post("/api/v1/imports/" + id + "/start", tenant.ownerToken(),
                "{\"mapping\": [\"ignore\", \"ignore\", \"field:phone\"], \"listName\": \"X\"}");
        assertThat(start.status()).isEqualTo(400);
        assertThat(start.json().get("field").asString()).isEqualTo("import");
        assertThat(jdbc.sql("select count(*) from contacts where account_id = :a").param("a", tenant.accountId()).query(Long.class).single()).isZero();
    }

    @Test
    void uploadWithoutAFileOrWithAnEmptyOneIsAProblemNamingTheFile() {
        Answer empty = upload(tenant.ownerToken(), "empty.csv", "");
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.json().get("field").asString()).isEqualTo("file");

        Answer missing = multipart(tenant.ownerToken(), "other", "x.csv", "Phone\n1\n");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(missing.json().get("field").asString()).isEqualTo("file");
        assertThat(api.get("/api/v1/imports", tenant.ownerToken()).json().get("items")).isEmpty();
    }

    @Test
    void anotherAccountsImportIsNotFound() {
        String id = upload(tenant.ownerToken(), "people.csv", FILE).json().get("id").asString();
        String stranger = tenants.create("Import Snoop").ownerToken();

        assertThat(api.get("/api/v1/imports/" + id, stranger).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/imports/" + id + "/errors", stranger).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/imports/" + id + "/cancel", stranger, null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/imports", stranger).json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/imports/" + id, tenant.ownerToken()).json().get("status").asString()).isEqualTo("uploaded");
    }

    @Test
    void listPagesNewestFirst() {
        String first = upload(tenant.ownerToken(), "one.csv", FILE).json().get("id").asString();
        String second = upload(tenant.ownerToken(), "two.csv", FILE).json().get("id").asString();

        Answer page = api.get("/api/v1/imports?limit=1", tenant.ownerToken());
        assertThat(page.json().get("items")).extracting(item -> item.get("id").asString()).containsExactly(second);
        Answer next = api.get("/api/v1/imports?limit=1&after=" + page.json().get("next").asString(), tenant.ownerToken());
        assertThat(next.json().get("items")).extracting(item -> item.get("id").asString()).containsExactly(first);
        assertThat(next.json().get("next").isNull()).isTrue();
    }

    private JsonNode awaitFinished(String id) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(
                () -> api.get("/api/v1/imports/" + id, tenant.ownerToken()).json(),
                body -> body.get("status").asString().matches("completed|cancelled|failed"));
    }

    private Answer upload(String token, String fileName, String content) {
        return multipart(token, "file", fileName, content);
    }

    /** A multipart/form-data POST with one file part, as curl -F part=@file sends it. */
    private Answer multipart(String token, String part, String fileName, String content) {
        String boundary = "----switchboard" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers(), "POST /api/v1/imports (multipart " + fileName + ")");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
