package switchboard.platform.database;

import java.nio.file.Path;

/** Another running Switchboard owns the data folder; two servers on one cluster would corrupt it. */
public class DataFolderInUseException extends IllegalStateException {

    public DataFolderInUseException(Path dataFolder, String holderPid) {
        super("Another Switchboard" + (holderPid.isBlank() ? "" : " (process " + holderPid + ")")
                + " is already running with the data folder " + dataFolder
                + ". Stop it first, or start this one with another folder (--switchboard.database.data-folder=...).");
    }
}
