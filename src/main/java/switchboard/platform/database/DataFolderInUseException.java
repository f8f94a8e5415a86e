package switchboard.platform.database;

import java.nio.file.Path;

/** Another running Switchboard owns the data folder; two servers on one cluster would corrupt it. */
public final class DataFolderInUseException extends DataFolderException {

    private final long holderPid;

    DataFolderInUseException(Path dataFolder, long holderPid) {
        super("Another Switchboard" + (holderPid > 0 ? " (process " + holderPid + ")" : "")
                        + " is already running with the data folder " + dataFolder + ".",
                "Stop it first, or start this one with another folder (--switchboard.database.data-folder=...).");
        this.holderPid = holderPid;
    }

    /** The pid of the process holding the folder, or 0 when it has not written it yet. */
    public long holderPid() {
        return holderPid;
    }
}
