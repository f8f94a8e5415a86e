package switchboard.testsupport;

import org.springframework.boot.SpringApplication;
import switchboard.platform.database.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The PostgreSQL server the tests run on, and a fresh database on it for each Spring context.
 *
 * <p>By default one embedded PostgreSQL 17 per test JVM (the same class the product runs, with
 * its data under target/). With {@code SWITCHBOARD_TEST_DATABASE_URL} set (CI sets it to the
 * external PostgreSQL 15), the fresh databases are made on that server instead, proving the
 * production path.
 */
public final class TestDatabases {

    public static final String EXTERNAL_URL_VARIABLE = "SWITCHBOARD_TEST_DATABASE_URL";
    private static final AtomicInteger sequence = new AtomicInteger();
    private static String adminUrl;

    private TestDatabases() {
    }

    /** A new, empty database; its JDBC URL carries the user, so no other setting is needed. */
    public static synchronized String freshDatabaseUrl() {
        String admin = adminUrl();
        String name = "sb_test_" + ProcessHandle.current().pid() + "_" + sequence.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(admin);
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + admin + ": " + e.getMessage(), e);
        }
        return withDatabase(admin, name);
    }

    public static boolean external() {
        String url = System.getenv(EXTERNAL_URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    private static String adminUrl() {
        if (adminUrl == null) {
            adminUrl = external() ? System.getenv(EXTERNAL_URL_VARIABLE) : startEmbedded();
        }
        return adminUrl;
    }

    private static String startEmbedded() {
        Path folder = Path.of("target", "test-postgres-" + ProcessHandle.current().pid()).toAbsolutePath();
        EmbeddedDatabase database = EmbeddedDatabase.start(folder);
        // Spring Boot runs its shutdown handlers after it has closed the cached test contexts; a
        // JVM hook of our own would race them and stop the server under their graceful shutdown.
        SpringApplication.getShutdownHandlers().add(() -> {
            database.close();
            deleteQuietly(folder);
        });
        return withDatabase(database.jdbcUrl() + "?user=" + database.username(), "postgres");
    }

    /** Replaces the database name in a JDBC URL, keeping host, port and parameters. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // target/ is cleaned by the next build anyway
        }
    }
}
