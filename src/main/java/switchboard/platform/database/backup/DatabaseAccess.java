package switchboard.platform.database.backup;

import switchboard.platform.database.DataFolderInUseException;
import switchboard.platform.database.DatabaseProperties;
import switchboard.platform.database.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The database a backup reads or a restore writes, and the embedded server started for it, if
 * any (stopped again on close). Chosen as Switchboard itself would: the external server when
 * {@code switchboard.database.url} is set, else the embedded one in the data folder.
 */
public final class DatabaseAccess implements AutoCloseable {

    private final String url;
    private final String username;
    private final String password;
    private final String description;
    private final EmbeddedDatabase startedHere;

    private DatabaseAccess(String url, String username, String password, String description, EmbeddedDatabase startedHere) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.description = description;
        this.startedHere = startedHere;
    }

    public static DatabaseAccess external(String url, String username, String password) {
        return new DatabaseAccess(url, username, password, "the PostgreSQL database at " + url.replaceFirst("\\?.*$", ""), null);
    }

    /**
     * While Switchboard runs it holds the data folder, and the backup reads its live server (found
     * through {@code postmaster.pid}); otherwise the backup starts the embedded server itself.
     */
    public static DatabaseAccess forBackup(DatabaseProperties properties) {
        if (properties.external()) {
            return external(properties.url(), properties.username(), properties.password());
        }
        Path folder = properties.dataFolder().toAbsolutePath().normalize();
        if (!EmbeddedDatabase.existsIn(folder)) {
            throw new BackupException("There is no Switchboard database in " + folder + " to back up. Name the data folder with "
                    + "--switchboard.database.data-folder=... (or an external database with SWITCHBOARD_DATABASE_URL).");
        }
        try {
            EmbeddedDatabase database = EmbeddedDatabase.start(folder);
            return new DatabaseAccess(database.jdbcUrl(), database.username(), null,
                    "the embedded database in " + folder + " (Switchboard is not running; started it for the backup)", database);
        } catch (DataFolderInUseException running) {
            return runningServer(folder, running.holderPid());
        }
    }

    /** A restore needs the folder to itself: it refuses while Switchboard runs on it. */
    public static DatabaseAccess forRestore(DatabaseProperties properties) {
        if (properties.external()) {
            return external(properties.url(), properties.username(), properties.password());
        }
        Path folder = properties.dataFolder().toAbsolutePath().normalize();
        try {
            EmbeddedDatabase database = EmbeddedDatabase.start(folder);
            return new DatabaseAccess(database.jdbcUrl(), database.username(), null, "the embedded database in " + folder, database);
        } catch (DataFolderInUseException running) {
            throw new BackupException("Switchboard" + (running.holderPid() > 0 ? " (process " + running.holderPid() + ")" : "")
                    + " is running with the data folder " + folder + ". Stop it before restoring into that folder, "
                    + "or restore into a new folder with --switchboard.database.data-folder=...");
        }
    }

    private static DatabaseAccess runningServer(Path folder, long pid) {
        try {
            String url = EmbeddedDatabase.runningServerUrl(folder).orElseThrow(() -> new BackupException(
                    "Switchboard" + (pid > 0 ? " (process " + pid + ")" : "") + " holds " + folder
                            + " but its database does not answer yet. Wait until Switchboard has started, then run the backup again."));
            return new DatabaseAccess(url, "postgres", null,
                    "the embedded database of the running Switchboard" + (pid > 0 ? " (process " + pid + ")" : "") + " in " + folder, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (username != null && !username.isBlank()) {
            properties.setProperty("user", username);
        }
        if (password != null && !password.isBlank()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "switchboard-backup");
        return DriverManager.getConnection(url, properties);
    }

    String url() {
        return url;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        if (startedHere != null) {
            startedHere.close();
        }
    }
}
