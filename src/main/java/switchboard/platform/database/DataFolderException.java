package switchboard.platform.database;

/**
 * The data folder cannot be used as it is; the message says why and {@link #action()} what the
 * person starting Switchboard should do. Shown instead of a stack trace (see DataFolderFailureAnalyzer).
 */
public abstract sealed class DataFolderException extends IllegalStateException
        permits DataFolderInUseException, IncompatibleDataFolderException {

    private final String reason;
    private final String action;

    DataFolderException(String reason, String action) {
        super(reason + " " + action);
        this.reason = reason;
        this.action = action;
    }

    public String reason() {
        return reason;
    }

    public String action() {
        return action;
    }
}
