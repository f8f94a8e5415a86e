package switchboard.platform.database.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import switchboard.platform.database.EmbeddedDatabase;
import switchboard.testsupport.AccountWriters;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardProcess;
import switchboard.testsupport.SwitchboardProcess.CommandRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The backup and restore commands as a person runs them: {@code backup} while Switchboard runs
 * and takes writes, {@code restore} into a new data folder (never into the running one), and
 * Switchboard started there.
 */
class BackupRestoreIntegrationTests {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path temporary;

    @Test
    void backsUpARunningSwitchboardAndRestoresItIntoANewDataFolder() throws Exception {
        Path original = temporary.resolve("original");
        Path archive = temporary.resolve("backups/quiet.zip");
        Path busyArchive = temporary.resolve("backups/busy.zip");
        Set<String> acknowledgedBeforeBusyBackup;
        try (SwitchboardProcess app = SwitchboardProcess.start(original, "backup-source")) {
            app.awaitHealthy(START_TIMEOUT);
            AccountWriters.completeSetup(app.port());
            try (AccountWriters writers = AccountWriters.start(app.port(), 2, "before")) {
                writers.awaitAcknowledged(20, Duration.ofSeconds(30));
            }

            try (AccountWriters writers = AccountWriters.start(app.port(), 3, "during")) {
                writers.awaitAcknowledged(10, Duration.ofSeconds(30));
                acknowledgedBeforeBusyBackup = writers.acknowledged();
                CommandRun busy = backup(busyArchive, original, "backup-while-writing");
                assertThat(busy.exitCode()).as(busy.output()).isZero();
                assertThat(writers.acknowledged()).as("Switchboard kept taking writes during the backup").hasSizeGreaterThan(acknowledgedBeforeBusyBackup.size());
            }

            awaitNoUnfinishedEvents(original);
            long started = System.nanoTime();
            CommandRun quiet = backup(archive, original, "backup");
            System.out.printf("Backup command: %d ms, archive %d bytes%n", Duration.ofNanos(System.nanoTime() - started).toMillis(), Files.size(archive));
            assertThat(quiet.exitCode()).as(quiet.output()).isZero();
            assertThat(quiet.output())
                    .contains("Backing up the embedded database of the running Switchboard (process " + app.pid() + ")")
                    .contains("Wrote " + archive)
                    .contains("is NOT in the backup. Keep a copy of " + original.toRealPath().resolve("secret.key"));

            CommandRun refused = SwitchboardProcess.runCommand("restore-refused", COMMAND_TIMEOUT, "restore", archive.toString(),
                    "--switchboard.database.data-folder=" + original);
            assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
            assertThat(refused.output()).contains("Restore failed: Switchboard (process " + app.pid() + ") is running with the data folder");
            assertThat(app.isAlive()).isTrue();
            app.interrupt();
            assertThat(app.awaitExit(Duration.ofSeconds(30))).isTrue();
        }

        Path restored = temporary.resolve("restored");
        CommandRun restore = SwitchboardProcess.runCommand("restore", COMMAND_TIMEOUT, "restore", archive.toString(), "--switchboard.database.data-folder=" + restored);
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("Restored").contains("copy the secret.key of the data folder the backup was made from");

        Map<String, String> before;
        Map<String, String> after;
        try (EmbeddedDatabase source = EmbeddedDatabase.start(original); EmbeddedDatabase copy = EmbeddedDatabase.start(restored)) {
            before = TableContents.of(source.jdbcUrl() + "?user=postgres");
            after = TableContents.of(copy.jdbcUrl() + "?user=postgres");
        }
        assertThat(after).as("every table, row for row").isEqualTo(before);
        assertThat(before).containsKeys("accounts", "users", "memberships", "spring_session", "flyway_schema_history");

        Path busyRestored = temporary.resolve("restored-busy");
        CommandRun busyRestore = SwitchboardProcess.runCommand("restore-busy", COMMAND_TIMEOUT, "restore", busyArchive.toString(),
                "--switchboard.database.data-folder=" + busyRestored);
        assertThat(busyRestore.exitCode()).as("the restore checks every reference: " + busyRestore.output()).isZero();
        try (EmbeddedDatabase copy = EmbeddedDatabase.start(busyRestored);
             Connection connection = DriverManager.getConnection(copy.jdbcUrl(), "postgres", null)) {
            assertThat(names(connection)).as("everything acknowledged before the backup began").containsAll(acknowledgedBeforeBusyBackup);
            assertThat(count(connection, "select count(*) from memberships")).as("one snapshot: each business with its owner")
                    .isEqualTo(count(connection, "select count(*) from accounts"));
        }

        Files.copy(original.resolve("secret.key"), restored.resolve("secret.key"));
        try (SwitchboardProcess app = SwitchboardProcess.start(restored, "restored")) {
            app.awaitHealthy(START_TIMEOUT);
            Browserless browser = new Browserless(app.port());
            assertThat(Browserless.redirectPath(browser.signIn(AccountWriters.OWNER_EMAIL, AccountWriters.OWNER_PASSWORD))).isEqualTo("/chats");
            assertThat(browser.get("/chats").body()).contains("Olga Owner");
            app.interrupt();
            assertThat(app.awaitExit(Duration.ofSeconds(30))).isTrue();
        }
    }

    private static CommandRun backup(Path archive, Path folder, String name) {
        return SwitchboardProcess.runCommand(name, COMMAND_TIMEOUT, "backup", archive.toString(), "--switchboard.database.data-folder=" + folder);
    }

    /** Listeners finishing after the backup would change the source after the fact. */
    private static void awaitNoUnfinishedEvents(Path folder) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection connection = DriverManager.getConnection(EmbeddedDatabase.runningServerUrl(folder).orElseThrow(), "postgres", null)) {
                return count(connection, "select count(*) from event_publication where completion_date is null") == 0;
            }
        });
    }

    private static Set<String> names(Connection connection) throws Exception {
        Set<String> names = new HashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("select name from accounts")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
