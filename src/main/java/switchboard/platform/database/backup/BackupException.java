package switchboard.platform.database.backup;

/** A backup or restore that cannot go on, for a reason the person running it can act on. */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
