package switchboard.platform.database;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The embedded server on its own, no Spring: each hazard of STACK.md, provoked and handled. */
class EmbeddedDatabaseTests {

    @TempDir
    Path temporary;

    /**
     * zonky unpacks the binaries (60 MB, some seconds) into the first data folder a JVM starts
     * and reuses them for later ones while they exist; a folder that outlives every test keeps
     * each test to its initdb.
     */
    @BeforeAll
    static void unpackBinariesOnce() {
        EmbeddedDatabase.start(Path.of("target", "embedded-binaries")).close();
    }

    @Test
    void refusesASecondStartOnTheSameFolderWithoutLettingGoOfIt() throws Exception {
        Path folder = temporary.resolve("data");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(folder)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(folder))
                    .isInstanceOf(DataFolderInUseException.class)
                    .hasMessageContaining("is already running with the data folder " + folder.toRealPath())
                    .hasMessageContaining("process " + ProcessHandle.current().pid());
            // The refused attempt must not have dropped the OS lock: another process is refused too.
            try (Holder other = Holder.start(folder)) {
                assertThat(other.report()).startsWith(EmbeddedDatabaseHolder.REFUSED)
                        .contains("Another Switchboard (process " + ProcessHandle.current().pid() + ") is already running with the data folder " + folder.toRealPath());
            }
            assertThat(query(first, "select 1")).isEqualTo("1");
        }
    }

    @Test
    void refusesAFolderAnotherProcessHoldsThenRecoversItsOrphanAfterKillMinus9() throws Exception {
        Path folder = temporary.resolve("data");
        long postmaster;
        try (Holder other = Holder.start(folder)) {
            assertThat(other.report()).startsWith(EmbeddedDatabaseHolder.STARTED);
            assertThatThrownBy(() -> EmbeddedDatabase.start(folder))
                    .isInstanceOf(DataFolderInUseException.class)
                    .hasMessageContaining("process " + other.process().pid());
            int port = Integer.parseInt(other.report().substring(EmbeddedDatabaseHolder.STARTED.length()).trim());
            execute(port, "create table kept (note text)", "insert into kept values ('written before kill -9')");
            postmaster = PostmasterFile.read(folder.resolve("postgres")).orElseThrow().pid();
            other.process().destroyForcibly().waitFor();
        }
        assertThat(OrphanServer.servingCluster(new PostmasterFile(postmaster, folder.resolve("postgres"), 0, 0))).as("the orphan").isPresent();

        long started = System.nanoTime();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(folder)) {
            System.out.printf("Start with an orphan to stop: %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
            assertThat(OrphanServer.servingCluster(new PostmasterFile(postmaster, folder.resolve("postgres"), 0, 0))).isEmpty();
            assertThat(query(database, "select note from kept")).isEqualTo("written before kill -9");
        }
    }

    @Test
    void failsAtOnceOnAFolderMadeByAnotherPostgresMajorVersion() throws Exception {
        Path folder = temporary.resolve("data");
        Files.createDirectories(folder.resolve("postgres"));
        Files.writeString(folder.resolve("postgres/PG_VERSION"), "16\n");
        Files.writeString(folder.resolve("postgres.initialised"), "PostgreSQL 16\n");

        long started = System.nanoTime();
        assertThatThrownBy(() -> EmbeddedDatabase.start(folder))
                .isInstanceOf(IncompatibleDataFolderException.class)
                .hasMessageContaining("was made by PostgreSQL 16, but this Switchboard runs PostgreSQL 17")
                .hasMessageContaining("write a backup with it");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(folder.resolve("postgres/PG_VERSION")).hasContent("16\n");
        DataFolderLock.acquire(folder.toRealPath()).release();
    }

    @Test
    void setsAsideAClusterWhoseFirstStartWasInterruptedAndMakesAWorkingOne() throws Exception {
        Path folder = temporary.resolve("data");
        Files.createDirectories(folder.resolve("postgres/base"));
        Files.writeString(folder.resolve("postgres/PG_VERSION"), "17\n");
        Files.writeString(folder.resolve("postgres/postgresql.conf"), "# initdb was killed while writing this\n");

        try (EmbeddedDatabase database = EmbeddedDatabase.start(folder)) {
            assertThat(query(database, "select current_database()")).isEqualTo("switchboard");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> setAside = files.filter(file -> file.getFileName().toString().startsWith("postgres.incomplete-")).toList();
            assertThat(setAside).hasSize(1);
            assertThat(setAside.getFirst().resolve("postgresql.conf")).hasContent("# initdb was killed while writing this\n");
        }
        assertThat(folder.resolve("postgres.initialised")).exists();
    }

    @Test
    void unpacksTheBinariesAgainWhenAnEarlierUnpackingWasKilled() throws Exception {
        Path folder = temporary.resolve("data");
        // What a kill -9 in the middle of the first start's unpacking leaves: some files, no ".exists" marker.
        Path unpacking = folder.resolve("runtime").resolve("PG-" + binariesDigest());
        Files.createDirectories(unpacking.resolve("bin"));
        Files.writeString(unpacking.resolve("bin/postgres"), "half written");

        try (Holder fresh = Holder.start(folder)) {
            assertThat(fresh.report()).as(fresh.output()).startsWith(EmbeddedDatabaseHolder.STARTED);
        }
        assertThat(unpacking.resolve(".exists")).exists();
    }

    @Test
    void runsWithDurableCommitsUtf8LocaleAndUtc() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(temporary.resolve("data"))) {
            assertThat(query(database, "show fsync")).isEqualTo("on");
            assertThat(query(database, "show synchronous_commit")).isEqualTo("on");
            assertThat(query(database, "show full_page_writes")).isEqualTo("on");
            assertThat(query(database, "select upper('é')")).isEqualTo("É");
            assertThat(query(database, "select datctype from pg_database where datname = current_database()")).isEqualTo("C.UTF-8");
            assertThat(query(database, "show server_encoding")).isEqualTo("UTF8");
            // Each session takes its client's zone (pgjdbc sends the JVM's); the server's own log runs in UTC.
            assertThat(query(database, "select setting from pg_settings where name = 'log_timezone'")).isEqualTo("UTC");
            assertThat(query(database, "select current_setting('data_directory')")).isEqualTo(database.dataFolder().resolve("postgres").toString());
        }
    }

    @Test
    void keepsEveryAcknowledgedCommitWhenTheServerItselfIsKilled() throws Exception {
        Path folder = temporary.resolve("data");
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        EmbeddedDatabase database = EmbeddedDatabase.start(folder);
        try {
            execute(database.port(), "create table commits (id int primary key)");
            AtomicInteger ids = new AtomicInteger();
            List<Thread> writers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                writers.add(Thread.ofPlatform().start(() -> insertUntilFailure(database, ids, acknowledged)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 1000);
            long postmaster = PostmasterFile.read(folder.resolve("postgres")).orElseThrow().pid();
            // The postmaster leads its own process group: this kills it and every backend at once, like a power cut minus the OS.
            assertThat(new ProcessBuilder("kill", "-KILL", "--", "-" + postmaster).inheritIO().start().waitFor()).isZero();
            for (Thread writer : writers) {
                assertThat(writer.join(Duration.ofSeconds(30))).isTrue();
            }
        } finally {
            database.close();
        }
        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(folder)) {
            Set<Integer> stored = new HashSet<>();
            try (Connection connection = connect(restarted.port());
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select id from commits")) {
                while (rows.next()) {
                    stored.add(rows.getInt(1));
                }
            }
            System.out.printf("Server killed after %d acknowledged commits; %d rows after recovery%n", acknowledged.size(), stored.size());
            assertThat(stored).containsAll(acknowledged);
        }
    }

    @Test
    void removesAStalePidFileOfAProcessThatIsGone() throws Exception {
        Path folder = temporary.resolve("data");
        EmbeddedDatabase.start(folder).close();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(folder.resolve("postgres/postmaster.pid"), gone.pid() + "\n" + folder.resolve("postgres") + "\n1700000000\n5432\n");

        try (EmbeddedDatabase database = EmbeddedDatabase.start(folder)) {
            assertThat(query(database, "select 1")).isEqualTo("1");
        }
    }

    @Test
    void leavesAnotherServerAloneWhenAStalePidFileNamesIt() throws Exception {
        try (EmbeddedDatabase other = EmbeddedDatabase.start(temporary.resolve("other"))) {
            Path folder = temporary.resolve("data");
            EmbeddedDatabase.start(folder).close();
            // After a reboot, the recorded pid may now be another PostgreSQL's: that one must live on.
            Path otherPidFile = other.dataFolder().resolve("postgres/postmaster.pid");
            Files.copy(otherPidFile, folder.resolve("postgres/postmaster.pid"));

            try (EmbeddedDatabase database = EmbeddedDatabase.start(folder)) {
                assertThat(query(database, "select 1")).isEqualTo("1");
                assertThat(query(other, "select current_setting('data_directory')")).isEqualTo(other.dataFolder().resolve("postgres").toString());
            }
        }
    }

    @Test
    void refusesToWorkOnAnotherServerThatHoldsItsPort() throws Exception {
        try (EmbeddedDatabase other = EmbeddedDatabase.start(temporary.resolve("other"))) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(temporary.resolve("data"), other::port))
                    .isInstanceOf(PortTakenException.class)
                    .hasMessageContaining("port " + other.port()).hasMessageContaining("start Switchboard again");
            assertThat(query(other, "select current_setting('data_directory')")).isEqualTo(other.dataFolder().resolve("postgres").toString());
            try (EmbeddedDatabase database = EmbeddedDatabase.start(temporary.resolve("data"))) {
                assertThat(query(database, "select current_setting('data_directory')")).isEqualTo(database.dataFolder().resolve("postgres").toString());
            }
        }
    }

    @Test
    void keepsDataAcrossRestartsAndStopsCompletelyOnClose() throws Exception {
        Path folder = temporary.resolve("data");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(folder)) {
            execute(database.port(), "create table notes (note text)", "insert into notes values ('still here')");
        }
        assertThat(folder.resolve("postgres/postmaster.pid")).as("the server is gone when close returns").doesNotExist();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(folder)) {
            assertThat(query(database, "select note from notes")).isEqualTo("still here");
        }
    }

    /** The folder name zonky gives the binaries: the MD5 of the binaries archive. */
    private static String binariesDigest() throws Exception {
        String system = System.getProperty("os.name").startsWith("Mac") ? "Darwin" : "Linux";
        String architecture = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture)) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            archive.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), md5));
            return HexFormat.of().formatHex(md5.digest());
        }
    }

    private static void insertUntilFailure(EmbeddedDatabase database, AtomicInteger ids, Set<Integer> acknowledged) {
        try (Connection connection = connect(database.port());
             PreparedStatement insert = connection.prepareStatement("insert into commits values (?)")) {
            while (true) {
                int id = ids.incrementAndGet();
                insert.setInt(1, id);
                insert.executeUpdate();
                acknowledged.add(id);
            }
        } catch (SQLException serverGone) {
            // expected: the server was killed
        }
    }

    private static String query(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = connect(database.port());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(int port, String... statements) throws SQLException {
        try (Connection connection = connect(port); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/switchboard", "postgres", null);
    }

    /** The other process: the same JVM and classpath, running {@link EmbeddedDatabaseHolder}. */
    private record Holder(Process process, String report, StringBuilder log) implements AutoCloseable {

        String output() {
            return log.toString();
        }

        static Holder start(Path folder) throws Exception {
            String java = ProcessHandle.current().info().command().orElseThrow();
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    EmbeddedDatabaseHolder.class.getName(), folder.toString()).redirectErrorStream(true).start();
            CompletableFuture<String> report = new CompletableFuture<>();
            StringBuilder output = new StringBuilder();
            Thread.ofVirtual().start(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        output.append(line).append('\n');
                        if (line.startsWith(EmbeddedDatabaseHolder.STARTED) || line.startsWith(EmbeddedDatabaseHolder.REFUSED)) {
                            report.complete(line);
                        }
                    }
                    report.completeExceptionally(new AssertionError("The other process ended without a report:\n" + output));
                } catch (IOException e) {
                    report.completeExceptionally(e);
                }
            });
            return new Holder(process, report.get(90, TimeUnit.SECONDS), output);
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                process.getOutputStream().close();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }
}
