package switchboard.platform.database.backup;

import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a consistent archive of a Switchboard database through an ordinary connection (the
 * embedded binaries have no pg_dump): every table of the public schema is copied with COPY
 * inside one REPEATABLE READ READ ONLY transaction, so the archive is one snapshot however
 * busy Switchboard is meanwhile. Readers never block writers in PostgreSQL, so Switchboard
 * keeps serving; the ACCESS SHARE locks only keep a table from being dropped or altered
 * mid-copy.
 */
public final class DatabaseBackup {

    static final String HISTORY_TABLE = "flyway_schema_history";

    private final Clock clock;

    public DatabaseBackup(Clock clock) {
        this.clock = clock;
    }

    public record Result(Path file, BackupManifest manifest, long bytes, Duration took) {
    }

    /**
     * @param secretKeyId the id of the secret-encryption key in use, recorded so a restore can
     *                    tell whether its key matches; the key itself is never archived
     */
    public Result write(DatabaseAccess database, Path file, String secretKeyId) throws IOException, SQLException {
        long started = System.nanoTime();
        Path target = file.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new BackupException(target + " already exists. Backups are never overwritten: choose a new file name.");
        }
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, ownerOnly(target.getParent()));
        BackupManifest manifest;
        try (Connection connection = database.connect();
             ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(partial, StandardOpenOption.WRITE), 1 << 16))) {
            manifest = copySnapshot(connection, zip, secretKeyId);
            BackupArchive.writeManifest(zip, manifest);
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return new Result(target, manifest, Files.size(target), Duration.ofNanos(System.nanoTime() - started));
    }

    private BackupManifest copySnapshot(Connection connection, ZipOutputStream zip, String secretKeyId) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
        }
        // The first query fixes the snapshot every COPY below reads.
        List<PublicSchema.Table> tables = PublicSchema.tables(connection);
        if (tables.stream().noneMatch(table -> table.name().equals(HISTORY_TABLE))) {
            throw new BackupException("The database has no " + HISTORY_TABLE + " table: Switchboard has never run on it, so there is nothing to back up.");
        }
        lock(connection, tables);
        String schemaVersion = schemaVersion(connection);
        String postgresVersion = single(connection, "show server_version");
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<BackupManifest.TableCopy> copies = new ArrayList<>();
        for (PublicSchema.Table table : tables) {
            copies.add(copyTable(copy, zip, table, BackupArchive.tableFile(copies.size(), table.name())));
        }
        List<BackupManifest.SequenceValue> sequences = new ArrayList<>();
        for (String sequence : PublicSchema.sequences(connection)) {
            // Sequences are not transactional: this reads the current value, never below the snapshot's.
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select last_value, is_called from " + PublicSchema.qualified(sequence))) {
                rows.next();
                sequences.add(new BackupManifest.SequenceValue(sequence, rows.getLong(1), rows.getBoolean(2)));
            }
        }
        connection.rollback();
        return new BackupManifest(BackupManifest.FORMAT, clock.instant().toString(), schemaVersion, postgresVersion, secretKeyId, copies, sequences);
    }

    private static void lock(Connection connection, List<PublicSchema.Table> tables) throws SQLException {
        String names = tables.stream().map(table -> PublicSchema.qualified(table.name())).collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table " + names + " in access share mode");
        }
    }

    private static BackupManifest.TableCopy copyTable(CopyManager copy, ZipOutputStream zip, PublicSchema.Table table, String file)
            throws SQLException, IOException {
        zip.putNextEntry(new ZipEntry(file));
        MessageDigest sha256 = sha256();
        OutputStream out = new BufferedOutputStream(new DigestOutputStream(zip, sha256), 1 << 16);
        // The buffer is flushed, never closed: closing would close the zip under it.
        long rows = copy.copyOut("copy " + table.withColumns() + " to stdout", out);
        out.flush();
        zip.closeEntry();
        return new BackupManifest.TableCopy(table.name(), table.columns(), rows, file, HexFormat.of().formatHex(sha256.digest()));
    }

    /** The newest successfully applied migration, compared the way Flyway orders versions. */
    private static String schemaVersion(Connection connection) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version from " + PublicSchema.qualified(HISTORY_TABLE) + " where success and version is not null")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions.stream().max(Comparator.comparing(MigrationVersion::fromVersion))
                .orElseThrow(() -> new BackupException("The database has no applied migrations: there is nothing to back up."));
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    static FileAttribute<?>[] ownerOnly(Path folder) {
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
