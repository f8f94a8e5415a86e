package switchboard;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.accounts.token.ApiTokens;
import switchboard.testsupport.BearerClient;
import switchboard.testsupport.BearerClient.Answer;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;
import tools.jackson.databind.JsonNode;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Tenancy, proven for every route of the REST API as its OpenAPI document lists it, so a new route
 * is covered the day it is added: a token of account B never reads or changes account A's data.
 * Naming A's object in a path answers 404 (never 403: existence must not leak) and leaves all of
 * A's rows as they were; B's lists show nothing of A's; and without a token every route says 401.
 *
 * <p>A route whose path names an object needs a fixture that makes one in account A: add one line
 * to {@link #fixtures()}, keyed by the path before the variable ({@code /api/v1/inboxes/{id}} and
 * {@code /api/v1/inboxes/{id}/members} are both "inboxes").
 */
@SwitchboardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTenancyIntegrationTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    switchboard.audience.importing.Imports imports;

    private final SecureRandom random = new SecureRandom();
    private JsonNode api;
    private List<Operation> operations;
    private Tenant a;
    private Tenant b;
    private final Map<String, Made> made = new HashMap<>();
    private final Map<String, Made> madeForB = new HashMap<>();

    /** What a fixture made: the id to put in the path, and a text only this object shows (a name, an email). */
    record Made(String id, String marker) {
    }

    /** One line per kind of object a path can name: how to make one in the given account. */
    private Map<String, Function<Tenant, Made>> fixtures() {
        Map<String, Function<Tenant, Made>> fixtures = new LinkedHashMap<>();
        fixtures.put("inboxes", tenant -> inbox(tenant));
        fixtures.put("teammates", tenant -> teammate(tenant));
        fixtures.put("teammates/invitations", tenant -> invitation(tenant));
        fixtures.put("tokens", tenant -> token(tenant));
        fixtures.put("contacts", tenant -> contact(tenant));
        fixtures.put("contacts/{}/notes", tenant -> note(tenant));
        fixtures.put("tags", tenant -> named(tenant, "/api/v1/tags", "Tag"));
        fixtures.put("lists", tenant -> named(tenant, "/api/v1/lists", "List"));
        fixtures.put("segments", tenant -> segment(tenant));
        fixtures.put("attributes", tenant -> attribute(tenant));
        fixtures.put("imports", tenant -> upload(tenant));
        return fixtures;
    }

    @BeforeAll
    void discoverTheApiAndMakeTwoAccounts() {
        Answer docs = new BearerClient(port).get("/api/docs", null);
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        api = docs.json();
        operations = new ArrayList<>();
        api.get("paths").properties().forEach(path -> METHODS.stream()
                .filter(method -> path.getValue().has(method))
                .forEach(method -> operations.add(new Operation(method.toUpperCase(), path.getKey(), path.getValue().get(method)))));
        // Deletes last: if one wrongly succeeded, the other routes still meet A's objects.
        operations.sort(Comparator.comparing((Operation operation) -> operation.method().equals("DELETE")).thenComparing(Operation::toString));
        a = tenants.create("Tenant A " + System.nanoTime());
        b = tenants.create("Tenant B " + System.nanoTime());
    }

    @Test
    void discoversTheRoutesThatAreKnownToExist() {
        assertThat(operations).extracting(Operation::toString).contains(
                "GET /api/v1/inboxes", "POST /api/v1/inboxes", "GET /api/v1/inboxes/{id}", "PATCH /api/v1/inboxes/{id}",
                "DELETE /api/v1/inboxes/{id}", "GET /api/v1/inboxes/{id}/members", "PUT /api/v1/inboxes/{id}/members",
                "GET /api/v1/teammates/{userId}", "PATCH /api/v1/teammates/{userId}",
                "DELETE /api/v1/teammates/invitations/{invitationId}", "DELETE /api/v1/tokens/{tokenId}");
        assertThat(operations).allSatisfy(operation -> assertThat(operation.path()).startsWith("/api/v1/"));
    }

    @Test
    void everyRouteNamingAnObjectHasAFixture() {
        List<String> missing = operations.stream()
                .flatMap(operation -> operation.kinds().stream().filter(kind -> !fixtures().containsKey(kind))
                        .map(kind -> "no fixture for " + operation.path() + ": add one for \"" + kind + "\" to fixtures()"))
                .distinct().toList();
        if (!missing.isEmpty()) {
            fail(String.join("\n", missing));
        }
    }

    @Test
    void everyRouteRefusesCallsWithoutAToken() {
        BearerClient client = new BearerClient(port);
        assertSoftly(softly -> operations.forEach(operation -> {
            Answer response = client.send(operation.method(), operation.pathFor(kind -> "1"), null, operation.sampleBody(api));
            softly.assertThat(response.status()).as(response.toString()).isEqualTo(401);
            softly.assertThat(response.isProblem()).as(response.toString()).isTrue();
        }));
    }

    @Test
    void namingAnotherAccountsObjectIsNotFoundAndChangesNothing() {
        everyRouteNamingAnObjectHasAFixture();
        fixtures().keySet().forEach(this::madeInA);
        BearerClient client = new BearerClient(port);
        List<Operation> naming = operations.stream().filter(operation -> !operation.kinds().isEmpty()).toList();
        assertThat(naming).as("routes that name an object").isNotEmpty();
        assertSoftly(softly -> naming.forEach(operation -> {
            String before = snapshot(a.accountId());
            Answer response = client.send(operation.method(), operation.pathFor(kind -> madeInA(kind).id()), b.ownerToken(),
                    operation.sampleBody(api));
            softly.assertThat(response.status()).as("B's token on A's object: " + response).isEqualTo(404);
            softly.assertThat(response.isProblem()).as(response.toString()).isTrue();
            softly.assertThat(snapshot(a.accountId())).as("A's data after " + operation).isEqualTo(before);
        }));
    }

    @Test
    void changesThroughRoutesWithoutAnIdNeverReachAnotherAccount() {
        fixtures().keySet().forEach(this::madeInA);
        BearerClient client = new BearerClient(port);
        List<Operation> changes = operations.stream()
                .filter(operation -> !operation.method().equals("GET") && operation.kinds().isEmpty()).toList();
        assertThat(changes).as("routes that change something without naming it").isNotEmpty();
        assertSoftly(softly -> changes.forEach(operation -> {
            String before = snapshot(a.accountId());
            Answer response = client.send(operation.method(), operation.path(), b.ownerToken(), operation.sampleBody(api));
            softly.assertThat(response.status()).as(response.toString()).isLessThan(500);
            softly.assertThat(snapshot(a.accountId())).as("A's data after B's " + operation).isEqualTo(before);
        }));
    }

    @Test
    void listsShowNothingOfAnotherAccount() {
        fixtures().keySet().forEach(this::madeInA);
        BearerClient client = new BearerClient(port);
        List<Operation> lists = operations.stream().filter(operation -> operation.method().equals("GET") && operation.kinds().isEmpty()).toList();
        assertThat(lists).as("list routes").isNotEmpty();
        assertSoftly(softly -> lists.forEach(operation -> {
            String kind = operation.path().substring("/api/v1/".length());
            Made bOwn = fixtures().containsKey(kind) ? madeInB(kind) : null;
            Answer response = client.get(operation.path(), b.ownerToken());
            softly.assertThat(response.status()).as(response.toString()).isEqualTo(200);
            made.values().forEach(aObject -> softly.assertThat(response.body()).as(operation + " shows A's " + aObject).doesNotContain(aObject.marker()));
            softly.assertThat(response.body()).as(operation + " shows A's account").doesNotContain(accountName(a));
            if (bOwn != null) {
                softly.assertThat(response.body()).as(operation + " lists B's own " + kind + ", so the check above means something").contains(bOwn.marker());
                itemIdName(operation.path()).ifPresent(idName -> softly.assertThat(response.json().findValues(idName))
                        .as(operation + " lists no " + idName + " of A's").extracting(JsonNode::asString).doesNotContain(madeInA(kind).id()));
            }
        }));
    }

    // --- fixtures ---------------------------------------------------------------------------

    private Made inbox(Tenant tenant) {
        String name = "Inbox of " + accountName(tenant) + " " + System.nanoTime();
        Answer created = new BearerClient(port).post("/api/v1/inboxes", tenant.ownerToken(), "{\"name\": \"" + name + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Made(created.json().get("id").asString(), name);
    }

    /** An audience object (tag, list, segment) made through its API with a name only it has. */
    private Made named(Tenant tenant, String path, String what) {
        String name = what + " " + System.nanoTime();
        Answer created = new BearerClient(port).post(path, tenant.ownerToken(), "{\"name\": \"" + name + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Made(created.json().get("id").asString(), name);
    }

    private Made segment(Tenant tenant) {
        String name = "Segment " + System.nanoTime();
        Answer created = new BearerClient(port).post("/api/v1/segments", tenant.ownerToken(), """
                {"name": "%s", "conditions": [{"attribute": "first_name", "operator": "is_set"}]}""".formatted(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Made(created.json().get("id").asString(), name);
    }

    private Made teammate(Tenant tenant) {
        Member teammate = tenants.addMember(tenant.accountId(), Role.AGENT);
        return new Made(String.valueOf(teammate.userId()), teammate.email());
    }

    private Made invitation(Tenant tenant) {
        String email = "invited-" + System.nanoTime() + "@example.com";
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        long id = jdbc.sql("""
                        insert into invitations (account_id, email, role, token_hash, invited_by, expires_at)
                        values (:accountId, :email, 'agent', :hash, :invitedBy, now() + interval '7 days') returning id""")
                .param("accountId", tenant.accountId()).param("email", email).param("hash", hash)
                .param("invitedBy", tenant.owner().userId())
                .query(Long.class).single();
        return new Made(String.valueOf(id), email);
    }

    private Made token(Tenant tenant) {
        var token = apiTokens.create(tenant.owner(), "Token of " + System.nanoTime());
        return new Made(String.valueOf(token.id()), token.name());
    }

    private Made contact(Tenant tenant) {
        String email = "contact-" + System.nanoTime() + "@example.com";
        Answer created = new BearerClient(port).post("/api/v1/contacts", tenant.ownerToken(),
                "{\"firstName\": \"Tenancy\", \"email\": \"" + email + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Made(created.json().get("id").asString(), email);
    }

    /** A note on the tenant's contact fixture, so a path pairs the two as a real one would. */
    private Made note(Tenant tenant) {
        String contactId = tenant == a ? madeInA("contacts").id() : madeInB("contacts").id();
        String body = "Note of " + accountName(tenant) + " " + System.nanoTime();
        Answer created = new BearerClient(port).post("/api/v1/contacts/" + contactId + "/notes", tenant.ownerToken(),
                "{\"body\": \"" + body + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Made(created.json().get("id").asString(), body);
    }

    private Made attribute(Tenant tenant) {
        String label = "Attribute of " + accountName(tenant) + " " + System.nanoTime();
        Answer created = new BearerClient(port).post("/api/v1/attributes", tenant.ownerToken(),
                "{\"label\": \"" + label + "\", \"type\": \"text\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Made(created.json().get("id").asString(), label);
    }

    /** An uploaded import waiting for its mapping (started, it would change A's data while the test compares it). */
    private Made upload(Tenant tenant) {
        String fileName = "contacts-" + System.nanoTime() + ".csv";
        long id = imports.upload(tenant.accountId(), tenant.owner().userId(), fileName,
                new java.io.ByteArrayInputStream("Phone,Email\n2125550101,a@example.com\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new Made(String.valueOf(id), fileName);
    }

    private Made madeInA(String kind) {
        return madeIn(made, a, kind);
    }

    private Made madeInB(String kind) {
        return madeIn(madeForB, b, kind);
    }

    /** Not computeIfAbsent: a fixture may ask for another (a note needs its contact), which would change the map mid-compute. */
    private Made madeIn(Map<String, Made> cache, Tenant tenant, String kind) {
        Made existing = cache.get(kind);
        if (existing != null) {
            return existing;
        }
        Made fresh = fixtures().get(kind).apply(tenant);
        cache.put(kind, fresh);
        return fresh;
    }

    private String accountName(Tenant tenant) {
        return jdbc.sql("select name from accounts where id = :id").param("id", tenant.accountId()).query(String.class).single();
    }

    /** The name of the id property of a list's items: the variable of the route of one item. */
    private java.util.Optional<String> itemIdName(String listPath) {
        return api.get("paths").propertyNames().stream()
                .map(path -> Pattern.compile(Pattern.quote(listPath) + "/\\{([^}/]+)}").matcher(path))
                .filter(Matcher::matches).map(matcher -> matcher.group(1)).findFirst();
    }

    /**
     * Every row of the account in every table that has an account_id column (found in the
     * catalog, so new tables count too), and its members' user rows.
     */
    private String snapshot(long accountId) {
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.columns
                        where table_schema = current_schema() and column_name = 'account_id' order by table_name""")
                .query(String.class).list();
        StringBuilder rows = new StringBuilder();
        for (String table : tables) {
            rows.append(table).append(":\n");
            jdbc.sql("select t::text from \"" + table.replace("\"", "") + "\" t where account_id = :accountId order by 1")
                    .param("accountId", accountId).query(String.class).list()
                    .forEach(row -> rows.append("  ").append(row).append('\n'));
        }
        rows.append(jdbc.sql("""
                        select string_agg(u::text, E'\\n' order by u.id) from users u
                        where u.id in (select user_id from memberships where account_id = :accountId)""")
                .param("accountId", accountId).query(String.class).single());
        return rows.toString();
    }

    // --- the API description ----------------------------------------------------------------

    record Operation(String method, String path, JsonNode spec) {

        /** The kind of object each path variable names: the path before it, earlier variables as {}. */
        List<String> kinds() {
            List<String> kinds = new ArrayList<>();
            Matcher variables = VARIABLE.matcher(path);
            while (variables.find()) {
                String before = path.substring("/api/v1/".length(), variables.start() - 1);
                kinds.add(VARIABLE.matcher(before).replaceAll("{}"));
            }
            return kinds;
        }

        String pathFor(Function<String, String> idOfKind) {
            List<String> kinds = kinds();
            Matcher variables = VARIABLE.matcher(path);
            StringBuilder filled = new StringBuilder();
            int index = 0;
            while (variables.find()) {
                variables.appendReplacement(filled, Matcher.quoteReplacement(idOfKind.apply(kinds.get(index++))));
            }
            variables.appendTail(filled);
            return filled.toString();
        }

        /** A plausible JSON body from the request schema: strings, zeros, empty lists, first enum values. */
        String sampleBody(JsonNode api) {
            JsonNode schema = spec.path("requestBody").path("content").path("application/json").path("schema");
            return schema.isMissingNode() ? null : sample(api, schema).toString();
        }

        private static Object sample(JsonNode api, JsonNode schema) {
            if (schema.has("$ref")) {
                String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
                return sample(api, api.get("components").get("schemas").get(name));
            }
            if (schema.has("example")) {
                return schema.get("example");
            }
            if (schema.has("enum")) {
                return schema.get("enum").get(0);
            }
            return switch (schema.path("type").asString("object")) {
                case "string" -> "\"Probe " + System.nanoTime() + "\"";
                case "integer", "number" -> "0";
                case "boolean" -> "true";
                case "array" -> "[]";
                default -> schema.path("properties").properties().stream()
                        .map(property -> "\"" + property.getKey() + "\": " + sample(api, property.getValue()))
                        .collect(Collectors.joining(", ", "{", "}"));
            };
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
