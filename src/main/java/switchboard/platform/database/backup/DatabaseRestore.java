package switchboard.platform.database.backup;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Brings a backup archive back into an empty database.
 *
 * <p>The schema comes from this Switchboard's own Flyway migrations, run up to the version the
 * archive was made at (there is no pg_dump to replay DDL from, and the migrations are what
 * made the original schema). Then, in one transaction: the archived Flyway history replaces
 * the fresh one (so the database carries its true history), every table is loaded with COPY
 * with foreign-key triggers off where we are superuser, every reference is checked, and every
 * sequence is set past the highest id. Any failure rolls the data back, leaving the empty schema,
 * so the restore can simply be run again. On start, Switchboard migrates on from that version.
 */
public final class DatabaseRestore {

    private final List<String> migrationLocations;

    public DatabaseRestore(List<String> migrationLocations) {
        this.migrationLocations = List.copyOf(migrationLocations);
    }

    public record Result(BackupManifest manifest, Duration took) {
    }

    public Result restore(DatabaseAccess database, Path archive) throws IOException, SQLException {
        long started = System.nanoTime();
        if (!Files.isRegularFile(archive)) {
            throw new BackupException("There is no backup file " + archive.toAbsolutePath() + ".");
        }
        try (ZipFile zip = open(archive)) {
            BackupManifest manifest = BackupArchive.readManifest(zip, archive.toString());
            try (Connection connection = database.connect()) {
                refuseNonEmpty(connection, database);
            }
            migrateTo(database, manifest.schemaVersion());
            try (Connection connection = database.connect()) {
                load(connection, zip, manifest, archive);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("analyze");
                }
            }
            return new Result(manifest, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static ZipFile open(Path archive) throws IOException {
        try {
            return new ZipFile(archive.toFile());
        } catch (ZipException e) {
            throw new BackupException(archive + " is not a complete Switchboard backup (not a readable zip: " + e.getMessage() + ").");
        }
    }

    /** Empty means no table holds a row; a schema left by an earlier failed restore counts as empty. */
    private static void refuseNonEmpty(Connection connection, DatabaseAccess database) throws SQLException {
        List<PublicSchema.Table> tables = PublicSchema.tables(connection).stream()
                .filter(table -> !table.name().equals(DatabaseBackup.HISTORY_TABLE)).toList();
        List<String> filled = PublicSchema.tablesWithRows(connection, tables);
        if (!filled.isEmpty()) {
            throw new BackupException("Restore needs an empty database, but " + database.description() + " already holds data (in "
                    + String.join(", ", filled.subList(0, Math.min(5, filled.size()))) + (filled.size() > 5 ? ", ..." : "")
                    + "). Restore into a new data folder (--switchboard.database.data-folder=...) or an empty database; nothing was changed.");
        }
    }

    private void migrateTo(DatabaseAccess database, String version) {
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(database.url(), database.username(), database.password())
                .locations(migrationLocations.toArray(String[]::new))
                .target(MigrationVersion.fromVersion(version))
                .cleanDisabled(true)
                .load();
        MigrationVersion wanted = MigrationVersion.fromVersion(version);
        List<MigrationInfo> known = Arrays.asList(flyway.info().all());
        if (known.stream().noneMatch(migration -> wanted.equals(migration.getVersion()))) {
            String newest = known.stream().map(MigrationInfo::getVersion).filter(v -> v != null)
                    .max(Comparable::compareTo).map(MigrationVersion::getVersion).orElse("none");
            throw new BackupException("The backup was made at schema version " + version + ", which this Switchboard does not have "
                    + "(its newest is " + newest + "). Restore it with the Switchboard version that made it, or a newer one.");
        }
        MigrationInfo current = flyway.info().current();
        if (current != null && current.getVersion() != null && current.getVersion().compareTo(wanted) > 0) {
            throw new BackupException("The target database is already at schema version " + current.getVersion()
                    + ", newer than the backup's " + version + ". Restore into an empty database.");
        }
        flyway.migrate();
    }

    private static void load(Connection connection, ZipFile zip, BackupManifest manifest, Path archive) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try {
            switchOffForeignKeyTriggers(connection);
            Map<String, PublicSchema.Table> target = PublicSchema.tables(connection).stream()
                    .collect(Collectors.toMap(PublicSchema.Table::name, Function.identity()));
            for (BackupManifest.TableCopy table : manifest.tables()) {
                PublicSchema.Table here = target.get(table.name());
                if (here == null || !here.columns().containsAll(table.columns())) {
                    throw new BackupException("The backup's table " + table.name() + " " + table.columns()
                            + " does not match this Switchboard's schema at version " + manifest.schemaVersion() + ".");
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("delete from " + PublicSchema.qualified(DatabaseBackup.HISTORY_TABLE));
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (BackupManifest.TableCopy table : PublicSchema.inDependencyOrder(manifest.tables(), BackupManifest.TableCopy::name,
                    PublicSchema.foreignKeys(connection))) {
                copyIn(copy, zip, table, archive);
            }
            Map<PublicSchema.ForeignKey, Long> broken = PublicSchema.brokenReferences(connection);
            if (!broken.isEmpty()) {
                throw new BackupException("The backup is inconsistent: " + broken.entrySet().stream()
                        .map(e -> e.getValue() + " rows of " + e.getKey().table() + " point at missing " + e.getKey().referencedTable())
                        .collect(Collectors.joining("; ")) + ". Nothing was restored.");
            }
            setSequences(connection, manifest.sequences());
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * As superuser, {@code session_replication_role = replica} keeps foreign-key (and other)
     * triggers from firing while tables load. Elsewhere the tables load parents first instead,
     * and the reference check after loading holds either way.
     */
    private static void switchOffForeignKeyTriggers(Connection connection) throws SQLException {
        Savepoint beforeTrying = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local session_replication_role = replica");
        } catch (SQLException notSuperuser) {
            connection.rollback(beforeTrying);
        }
    }

    private static void copyIn(CopyManager copy, ZipFile zip, BackupManifest.TableCopy table, Path archive) throws SQLException, IOException {
        ZipEntry entry = zip.getEntry(table.file());
        if (entry == null) {
            throw new BackupException(archive + " is damaged: it lacks " + table.file() + " (table " + table.name() + ").");
        }
        MessageDigest sha256 = DatabaseBackup.sha256();
        long rows;
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha256)) {
            rows = copy.copyIn("copy " + PublicSchema.qualified(table.name()) + " ("
                    + table.columns().stream().map(PublicSchema::quote).collect(Collectors.joining(", ")) + ") from stdin", in);
        }
        if (rows != table.rows() || !HexFormat.of().formatHex(sha256.digest()).equals(table.sha256())) {
            throw new BackupException(archive + " is damaged: table " + table.name() + " does not read back as written ("
                    + rows + " of " + table.rows() + " rows, checksum " + (rows == table.rows() ? "differs" : "not checked") + "). Nothing was restored.");
        }
    }

    /**
     * Each sequence goes back to its archived position, or past the highest id in its column if
     * that is higher, so new rows never collide with restored ones.
     */
    private static void setSequences(Connection connection, List<BackupManifest.SequenceValue> sequences) throws SQLException {
        Map<String, PublicSchema.OwnedSequence> owned = PublicSchema.ownedSequences(connection);
        List<String> present = PublicSchema.sequences(connection);
        for (BackupManifest.SequenceValue sequence : sequences) {
            if (!present.contains(sequence.name())) {
                continue;
            }
            long value = sequence.lastValue();
            boolean called = sequence.called();
            PublicSchema.OwnedSequence column = owned.get(sequence.name());
            if (column != null) {
                Long highest = highest(connection, column);
                if (highest != null && (highest > value || (highest == value && !called))) {
                    value = highest;
                    called = true;
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("select setval(?::regclass, ?, ?)")) {
                statement.setString(1, PublicSchema.qualified(sequence.name()));
                statement.setLong(2, value);
                statement.setBoolean(3, called);
                statement.execute();
            }
        }
    }

    private static Long highest(Connection connection, PublicSchema.OwnedSequence column) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select max(" + PublicSchema.quote(column.column()) + ") from " + PublicSchema.qualified(column.table()))) {
            rows.next();
            long value = rows.getLong(1);
            return rows.wasNull() ? null : value;
        }
    }
}
