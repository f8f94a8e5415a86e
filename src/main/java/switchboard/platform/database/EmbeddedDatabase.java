package switchboard.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * The embedded PostgreSQL 17 that Switchboard starts itself when no external database is set.
 *
 * <p>zonky's embedded server is built for throwaway test databases; every default below was
 * measured to lose data or hang on a product's data folder (see STACK.md and docs/database.md),
 * so each is overridden here:
 * <ul>
 *   <li>durable commits: {@code fsync} and {@code synchronous_commit} on (zonky passes -F);</li>
 *   <li>one owner per data folder: an OS lock on {@code switchboard.lock}, held for the JVM's life;</li>
 *   <li>an orphan postmaster left by {@code kill -9} is stopped before starting ours;</li>
 *   <li>a cluster whose first initialisation was interrupted is moved aside and made again;</li>
 *   <li>a random port, then a check that we reached <em>our</em> data directory;</li>
 *   <li>locale C.UTF-8 and UTC, whatever the environment says;</li>
 *   <li>no JVM shutdown hook: Spring closes this bean after the connection pool, so in-flight
 *       requests finish before the server stops;</li>
 *   <li>server output goes to {@code postgres.log} in the data folder, not the app log;</li>
 *   <li>binaries unpack under the data folder, not a possibly noexec /tmp;</li>
 *   <li>a cluster made by another PostgreSQL major version is refused at once with a clear message.</li>
 * </ul>
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String MAJOR_VERSION = "17";
    static final String DATABASE_NAME = "switchboard";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final Path dataFolder;
    private final DataFolderLock lock;
    private final EmbeddedPostgres server;

    private EmbeddedDatabase(Path dataFolder, DataFolderLock lock, EmbeddedPostgres server) {
        this.dataFolder = dataFolder;
        this.lock = lock;
        this.server = server;
    }

    /** Starts (creating on first run) the embedded server whose files live in {@code dataFolder}. */
    public static EmbeddedDatabase start(Path dataFolder) {
        Path folder = dataFolder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + folder, e);
        }
        DataFolderLock lock = DataFolderLock.acquire(folder);
        try {
            ClusterFolder cluster = new ClusterFolder(folder);
            cluster.refuseOtherMajorVersion(MAJOR_VERSION);
            cluster.setAsideIfInitialisationWasInterrupted();
            OrphanServer.stopIfRunning(cluster.path());
            EmbeddedPostgres server = startServer(folder, cluster.path());
            verifyConnectedToOwnCluster(server, cluster.path());
            createDatabaseIfMissing(server);
            cluster.markInitialised();
            log.info("Embedded PostgreSQL {} running on port {} with data in {}", MAJOR_VERSION, server.getPort(), cluster.path());
            return new EmbeddedDatabase(folder, lock, server);
        } catch (RuntimeException | IOException e) {
            lock.release();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + folder + ": " + e.getMessage(), (IOException) e);
        }
    }

    private static EmbeddedPostgres startServer(Path folder, Path cluster) throws IOException {
        Path runtime = folder.resolve("runtime");
        Files.createDirectories(runtime);
        var serverLog = ProcessBuilder.Redirect.appendTo(folder.resolve("postgres.log").toFile());
        return EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(runtime.toFile())
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(90))
                .setOutputRedirector(serverLog)
                .setErrorRedirector(serverLog)
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                // zonky starts postgres with -F (fsync off) and synchronous_commit=off: acknowledged
                // commits were lost on kill -9 in 4 of 4 runs. "-c" settings given later win over -F.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "200")
                .start();
    }

    /** A port taken by another server once made the start "succeed" while we talked to that server. */
    private static void verifyConnectedToOwnCluster(EmbeddedPostgres server, Path cluster) throws IOException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select current_setting('data_directory')")) {
            rows.next();
            Path reported = Path.of(rows.getString(1)).toRealPath();
            if (!reported.equals(cluster.toRealPath())) {
                server.close();
                throw new IllegalStateException("The embedded PostgreSQL on port " + server.getPort()
                        + " serves " + reported + ", not " + cluster + ": another server holds the port. Start again.");
            }
        } catch (SQLException e) {
            throw new IOException("Cannot query the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres server) throws IOException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + DATABASE_NAME + "'")) {
                if (rows.next()) {
                    return;
                }
            }
            statement.execute("create database " + DATABASE_NAME + " template template0 encoding 'UTF8' locale 'C.UTF-8'");
        } catch (SQLException e) {
            throw new IOException("Cannot create the database: " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE_NAME;
    }

    public String username() {
        return "postgres";
    }

    public int port() {
        return server.getPort();
    }

    public Path dataFolder() {
        return dataFolder;
    }

    /** Stops the server (fast shutdown: open sessions are ended, everything committed is kept). */
    @Override
    public void close() {
        try {
            server.close();
            log.info("Embedded PostgreSQL stopped at {}", Instant.now());
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        } finally {
            lock.release();
        }
    }
}
