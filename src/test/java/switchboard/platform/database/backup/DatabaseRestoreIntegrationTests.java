package switchboard.platform.database.backup;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import switchboard.testsupport.TestDatabases;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backup and restore through a plain JDBC URL, in this JVM: on the test server, which in CI is
 * the external PostgreSQL 15, so every statement is proven on the oldest supported version.
 */
class DatabaseRestoreIntegrationTests {

    private static final List<String> MIGRATIONS = List.of("classpath:db/migration");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temporary;

    @Test
    void restoresEveryTableAndSequenceIntoAnEmptyDatabase() throws Exception {
        String source = filledDatabase();
        Path archive = temporary.resolve("backup.zip");
        DatabaseBackup.Result backup = new DatabaseBackup(CLOCK).write(DatabaseAccess.external(source, null, null), archive, "0123456789abcdef");

        assertThat(backup.manifest().createdAt()).isEqualTo("2026-11-25T12:00:00Z");
        assertThat(backup.manifest().secretKeyId()).isEqualTo("0123456789abcdef");
        assertThat(backup.manifest().tables()).extracting(BackupManifest.TableCopy::name).contains("accounts", "flyway_schema_history", "users");
        assertThat(archive).exists();
        assertThat(Files.getPosixFilePermissions(archive)).hasToString("[OWNER_READ, OWNER_WRITE]");

        String target = TestDatabases.freshDatabaseUrl();
        new DatabaseRestore(MIGRATIONS).restore(DatabaseAccess.external(target, null, null), archive);

        assertThat(TableContents.of(target)).isEqualTo(TableContents.of(source));
        assertThat(query(target, "select name from accounts where id = 2")).isEqualTo("Tab\there, quote \" backslash \\ newline\nand é");
        // Deleted rows keep their ids used: the next account gets a new id, as it would have on the source.
        assertThat(query(target, "insert into accounts (name, time_zone, default_country) values ('Next', 'UTC', 'US') returning id")).isEqualTo("5");
    }

    @Test
    void refusesADatabaseThatHoldsData() throws Exception {
        String source = filledDatabase();
        Path archive = temporary.resolve("backup.zip");
        new DatabaseBackup(CLOCK).write(DatabaseAccess.external(source, null, null), archive, null);

        assertThatThrownBy(() -> new DatabaseRestore(MIGRATIONS).restore(DatabaseAccess.external(source, null, null), archive))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("Restore needs an empty database")
                .hasMessageContaining("accounts");
        assertThat(query(source, "select count(*) from accounts")).isEqualTo("3");
    }

    @Test
    void refusesADamagedArchiveAndLeavesTheTargetReadyForAnotherTry() throws Exception {
        String source = filledDatabase();
        Path archive = temporary.resolve("backup.zip");
        new DatabaseBackup(CLOCK).write(DatabaseAccess.external(source, null, null), archive, null);
        Path damaged = temporary.resolve("damaged.zip");
        rewrite(archive, damaged, "tables/accounts.copy", content -> content.replace("Plumbing", "Plumbinx"));

        String target = TestDatabases.freshDatabaseUrl();
        assertThatThrownBy(() -> new DatabaseRestore(MIGRATIONS).restore(DatabaseAccess.external(target, null, null), damaged))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("is damaged: table accounts does not read back as written");
        assertThat(query(target, "select count(*) from accounts")).isEqualTo("0");

        new DatabaseRestore(MIGRATIONS).restore(DatabaseAccess.external(target, null, null), archive);
        assertThat(TableContents.of(target)).isEqualTo(TableContents.of(source));
    }

    @Test
    void refusesSomethingThatIsNoBackup() throws Exception {
        Path notZip = temporary.resolve("notes.zip");
        Files.writeString(notZip, "not a zip");
        String target = TestDatabases.freshDatabaseUrl();

        assertThatThrownBy(() -> new DatabaseRestore(MIGRATIONS).restore(DatabaseAccess.external(target, null, null), notZip))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("is not a complete Switchboard backup");
        assertThatThrownBy(() -> new DatabaseRestore(MIGRATIONS).restore(DatabaseAccess.external(target, null, null), temporary.resolve("missing.zip")))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("There is no backup file");
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws Exception {
        String source = filledDatabase();
        Path archive = temporary.resolve("backup.zip");
        Files.writeString(archive, "an older backup");

        assertThatThrownBy(() -> new DatabaseBackup(CLOCK).write(DatabaseAccess.external(source, null, null), archive, null))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("already exists");
        assertThat(archive).hasContent("an older backup");
    }

    /** A migrated database with awkward values: control characters, quotes, bytea, deleted rows, a used-up sequence. */
    private static String filledDatabase() throws SQLException {
        String url = TestDatabases.freshDatabaseUrl();
        Flyway.configure().dataSource(url, null, null).locations(MIGRATIONS.toArray(String[]::new)).load().migrate();
        execute(url, """
                insert into accounts (name, time_zone, default_country) values
                    ('Acme Plumbing', 'Europe/Berlin', 'DE'),
                    (E'Tab\\there, quote " backslash \\\\ newline\\nand é', 'UTC', 'US'),
                    ('Deleted later', 'UTC', 'US'),
                    ('Last', 'UTC', 'US');
                delete from accounts where name = 'Deleted later';
                insert into users (email, name, password_hash) values ('Olga@Example.com', 'Olga', '{argon2}$argon2id$v=19$x');
                insert into memberships (account_id, user_id, role) select id, (select id from users), 'owner' from accounts;
                insert into api_tokens (account_id, user_id, name, token_hash, token_hint)
                    select 1, id, 'ci', '\\x00ff10deadbeef'::bytea, 'sb_1234' from users;
                insert into installation (singleton) values (true);
                """);
        return url;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void rewrite(Path from, Path to, String entryName, UnaryOperator<String> change) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry entry : in.stream().toList()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream content = in.getInputStream(entry)) {
                    byte[] bytes = content.readAllBytes();
                    out.write(entry.getName().equals(entryName) ? change.apply(new String(bytes, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8) : bytes);
                }
                out.closeEntry();
            }
        }
    }
}
