package switchboard.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

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
 *   <li>a cluster whose first initialisation was interrupted is moved aside and made again, and
 *       binaries whose unpacking was interrupted are unpacked again;</li>
 *   <li>a random port, then a check that we reached <em>our</em> cluster (else another port);</li>
 *   <li>locale C.UTF-8 and UTC (initdb would take both from the environment);</li>
 *   <li>no JVM shutdown hook: Spring closes this bean after the connection pool, so in-flight
 *       requests finish before the server stops, and close waits until it has really stopped;</li>
 *   <li>server output goes to {@code postgres.log} in the data folder, not the app log;</li>
 *   <li>binaries unpack under the data folder, not a possibly noexec /tmp;</li>
 *   <li>a cluster made by another PostgreSQL major version is refused at once with a clear message.</li>
 * </ul>
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String MAJOR_VERSION = "17";
    static final String DATABASE_NAME = "switchboard";
    static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** Crash recovery after kill -9 replays the WAL before the server accepts connections. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(180);
    /** zonky's pg_ctl stop gives up after 5 s; the shutdown checkpoint of a busy server may take longer. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private final Path dataFolder;
    private final Path cluster;
    private final DataFolderLock lock;
    private final EmbeddedPostgres server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedDatabase(Path dataFolder, Path cluster, DataFolderLock lock, EmbeddedPostgres server) {
        this.dataFolder = dataFolder;
        this.cluster = cluster;
        this.lock = lock;
        this.server = server;
    }

    /** Starts (creating on first run) the embedded server whose files live in {@code dataFolder}. */
    public static EmbeddedDatabase start(Path dataFolder) {
        return start(dataFolder, EmbeddedDatabase::freePort);
    }

    /** @param ports gives the port to start on (tests hand out a taken one) */
    static EmbeddedDatabase start(Path dataFolder, IntSupplier ports) {
        Path folder = createFolder(dataFolder);
        DataFolderLock lock = DataFolderLock.acquire(folder);
        try {
            ClusterFolder cluster = new ClusterFolder(folder);
            cluster.refuseOtherMajorVersion(MAJOR_VERSION);
            cluster.setAsideIfInitialisationWasInterrupted();
            new BinariesFolder(folder).removeInterruptedUnpacking();
            OrphanServer.stopIfRunning(cluster.path());
            EmbeddedPostgres server = startOwnServer(folder, cluster.path(), ports.getAsInt());
            try {
                createDatabaseIfMissing(server);
                cluster.markInitialised();
            } catch (IOException | RuntimeException e) {
                stop(server, cluster.path());
                throw e;
            }
            log.info("Embedded PostgreSQL {} running on port {} with data in {}", MAJOR_VERSION, server.getPort(), cluster.path());
            return new EmbeddedDatabase(folder, cluster.path(), lock, server);
        } catch (IOException e) {
            lock.release();
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + folder + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** Whether the data folder holds a completely initialised embedded database. */
    public static boolean existsIn(Path dataFolder) {
        return new ClusterFolder(dataFolder.toAbsolutePath().normalize()).isInitialised();
    }

    /**
     * The JDBC URL of the embedded server another process runs on this data folder, found
     * through its {@code postmaster.pid} and checked to serve this folder's cluster.
     */
    public static Optional<String> runningServerUrl(Path dataFolder) throws IOException {
        Path cluster = new ClusterFolder(dataFolder.toAbsolutePath().normalize()).path();
        Optional<PostmasterFile> file = PostmasterFile.read(cluster);
        if (file.isEmpty() || file.get().port() <= 0 || OrphanServer.servingCluster(file.get()).isEmpty()) {
            return Optional.empty();
        }
        String url = jdbcUrl(file.get().port());
        try (Connection connection = DriverManager.getConnection(url, SUPERUSER, null)) {
            return servesCluster(connection, cluster) ? Optional.of(url) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static Path createFolder(Path dataFolder) {
        try {
            return Files.createDirectories(dataFolder.toAbsolutePath().normalize()).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dataFolder.toAbsolutePath(), e);
        }
    }

    /**
     * If the port was taken in the moment between choosing and binding it, our postmaster
     * fails and zonky's readiness check reaches the server holding the port instead. Only the
     * server's own answer about its data directory tells the two apart. We then refuse to go on
     * (never work on someone else's database); starting again picks another free port. (Retrying
     * in-process was tried: a second pg_ctl start on the same cluster right after the failed one
     * could hang until the startup wait ran out.)
     */
    private static EmbeddedPostgres startOwnServer(Path folder, Path cluster, int port) throws IOException {
        EmbeddedPostgres server = startServer(folder, cluster, port);
        try (Connection connection = server.getPostgresDatabase().getConnection()) {
            if (servesCluster(connection, cluster)) {
                return server;
            }
        } catch (SQLException e) {
            stop(server, cluster);
            throw new IOException("Cannot query the embedded PostgreSQL: " + e.getMessage(), e);
        }
        stop(server, cluster);
        OrphanServer.stopIfRunning(cluster);
        throw new PortTakenException(port);
    }

    private static EmbeddedPostgres startServer(Path folder, Path cluster, int port) throws IOException {
        Path runtime = Files.createDirectories(new BinariesFolder(folder).path());
        var serverLog = ProcessBuilder.Redirect.appendTo(folder.resolve("postgres.log").toFile());
        return EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setOverrideWorkingDirectory(runtime.toFile())
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
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
                .setServerConfig("log_timezone", "UTC")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "200")
                .start();
    }

    private static boolean servesCluster(Connection connection, Path cluster) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select current_setting('data_directory')")) {
            rows.next();
            Path reported = Path.of(rows.getString(1));
            try {
                return reported.toRealPath().equals(cluster.toRealPath());
            } catch (IOException notHere) {
                return false;
            }
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

    /** Fast shutdown: open sessions end, everything committed is kept; returns once the server is gone. */
    private static boolean stop(EmbeddedPostgres server, Path cluster) {
        try {
            server.close();
            if (OrphanServer.awaitStopped(cluster, SHUTDOWN_WAIT)) {
                return true;
            }
            log.warn("The embedded PostgreSQL on {} is still shutting down after {}; the next start will finish the job", cluster, SHUTDOWN_WAIT);
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
        return false;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded PostgreSQL", e);
        }
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE_NAME;
    }

    public String jdbcUrl() {
        return jdbcUrl(server.getPort());
    }

    public String username() {
        return SUPERUSER;
    }

    public int port() {
        return server.getPort();
    }

    public Path dataFolder() {
        return dataFolder;
    }

    /** Stops the server and returns once it is gone, then frees the data folder. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (stop(server, cluster)) {
                log.info("Embedded PostgreSQL stopped; data in {}", cluster);
            }
        } finally {
            lock.release();
        }
    }
}
