package switchboard.platform.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import switchboard.testsupport.AccountWriters;
import switchboard.testsupport.SwitchboardProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application in a child JVM, killed the hard way and the polite way while it takes
 * writes. What counts is what a person sees: the run command works again at once, and nothing
 * the app acknowledged is gone.
 */
class CrashRecoveryIntegrationTests {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path temporary;

    @Test
    void killMinus9DuringWritesThenRestartLosesNoAcknowledgedWrite() throws Exception {
        Path folder = temporary.resolve("data");
        Set<String> acknowledged;
        long postmaster;
        try (SwitchboardProcess app = SwitchboardProcess.start(folder, "crash-first-run")) {
            app.awaitHealthy(START_TIMEOUT);
            AccountWriters.completeSetup(app.port());
            try (AccountWriters writers = AccountWriters.start(app.port(), 4, "crash")) {
                writers.awaitAcknowledged(60, Duration.ofSeconds(30));
                postmaster = postmasterPid(folder);
                app.kill();
                writers.awaitFinished(Duration.ofSeconds(10));
                acknowledged = writers.acknowledged();
            }
        }
        assertThat(serving(postmaster, folder)).as("kill -9 of the JVM leaves its PostgreSQL running as an orphan").isTrue();

        try (SwitchboardProcess restarted = SwitchboardProcess.start(folder, "crash-restart")) {
            Duration took = restarted.awaitHealthy(START_TIMEOUT);
            System.out.printf("Restart after kill -9 healthy in %d ms; %d acknowledged writes to find%n", took.toMillis(), acknowledged.size());
            assertThat(restarted.output()).as(restarted.describe()).contains("Stopping an orphaned PostgreSQL (pid " + postmaster + ")");
            assertThat(serving(postmaster, folder)).as("the orphan was stopped").isFalse();
            assertThat(accountNames(folder)).as("every acknowledged business survived kill -9").containsAll(acknowledged);

            try (SwitchboardProcess second = SwitchboardProcess.start(folder, "crash-second-instance")) {
                assertThat(second.awaitExit(START_TIMEOUT)).as("a second instance on the same folder gives up").isTrue();
                assertThat(second.exitCode()).isNotZero();
                assertThat(second.output()).as(second.describe())
                        .contains("Another Switchboard (process " + restarted.pid() + ") is already running with the data folder " + folder.toRealPath())
                        .contains("Stop it first, or start this one with another folder");
            }
            assertThat(accountNames(folder)).as("the refused second instance did not disturb the first").containsAll(acknowledged);
            restarted.interrupt();
            assertThat(restarted.awaitExit(Duration.ofSeconds(30))).isTrue();
        }
    }

    @Test
    void ctrlCFinishesRequestsInFlightThenStopsTheDatabaseCleanly() throws Exception {
        Path folder = temporary.resolve("data");
        List<AccountWriters.Outcome> outcomes;
        Set<String> acknowledged;
        long signalledAt;
        try (SwitchboardProcess app = SwitchboardProcess.start(folder, "interrupt")) {
            app.awaitHealthy(START_TIMEOUT);
            AccountWriters.completeSetup(app.port());
            long postmaster;
            try (AccountWriters writers = AccountWriters.start(app.port(), 4, "interrupt")) {
                writers.awaitAcknowledged(30, Duration.ofSeconds(30));
                postmaster = postmasterPid(folder);
                signalledAt = System.nanoTime();
                app.interrupt();
                assertThat(app.awaitExit(Duration.ofSeconds(30))).as("Switchboard exits by itself after Ctrl-C\n" + app.describe()).isTrue();
                writers.awaitFinished(Duration.ofSeconds(10));
                outcomes = writers.outcomes();
                acknowledged = writers.acknowledged();
            }
            assertThat(app.output()).as(app.describe())
                    .contains("Graceful shutdown complete")
                    .contains("Embedded PostgreSQL stopped");
            assertThat(app.output().indexOf("Embedded PostgreSQL stopped"))
                    .as("the database stops after the web server has finished its requests")
                    .isGreaterThan(app.output().indexOf("Graceful shutdown complete"));
            assertThat(folder.resolve("postgres/postmaster.pid")).as("PostgreSQL shut down cleanly").doesNotExist();
            assertThat(serving(postmaster, folder)).isFalse();
        }
        assertThat(outcomes).as("requests were in flight when Ctrl-C came").anyMatch(outcome -> outcome.endedAt() > signalledAt && outcome.acknowledged());

        Set<String> stored;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(folder)) {
            stored = accountNames(folder);
        }
        assertThat(stored).as("every acknowledged business is there after the restart").containsAll(acknowledged);
        System.out.printf("Ctrl-C during writes: %d answered (%d after the signal), %d unanswered after it (%s)%n",
                outcomes.stream().filter(outcome -> outcome.error() == null).count(),
                outcomes.stream().filter(outcome -> outcome.error() == null && outcome.endedAt() > signalledAt).count(),
                outcomes.stream().filter(outcome -> outcome.error() != null).count(),
                outcomes.stream().filter(outcome -> outcome.error() != null).map(outcome -> outcome.error().getClass().getSimpleName()).distinct().toList());
        // A request the server never answered must not have been carried out either: refused
        // connections, and a request sent on a kept-alive connection just as the server closed it
        // (HTTP allows that race; the client sees no byte of an answer), are fine; work done
        // without its answer, or an error answer, is not.
        List<AccountWriters.Outcome> unclean = outcomes.stream()
                .filter(outcome -> outcome.status() >= 500
                        || outcome.error() != null && (outcome.endedAt() < signalledAt || stored.contains(outcome.name())))
                .toList();
        assertThat(unclean).as("every request got a whole answer, or was not carried out once shutdown had begun").isEmpty();
    }

    /** Whether that postgres still serves the folder's cluster (a zombie waiting to be reaped does not). */
    private static boolean serving(long postmaster, Path folder) {
        return OrphanServer.servingCluster(new PostmasterFile(postmaster, folder.resolve("postgres"), 0, 0)).isPresent();
    }

    private static long postmasterPid(Path folder) throws Exception {
        return PostmasterFile.read(folder.resolve("postgres")).orElseThrow().pid();
    }

    /** Straight from the running embedded server: port from postmaster.pid, as an operator would find it. */
    private static Set<String> accountNames(Path folder) throws Exception {
        List<String> lines = Files.readAllLines(folder.resolve("postgres/postmaster.pid"));
        String url = "jdbc:postgresql://localhost:" + lines.get(3).trim() + "/switchboard";
        Set<String> names = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", null);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select name from accounts")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new AssertionError("Cannot read the accounts at " + url, e);
        }
        return names;
    }
}
