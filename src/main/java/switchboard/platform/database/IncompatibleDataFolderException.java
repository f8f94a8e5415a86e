package switchboard.platform.database;

import java.nio.file.Path;

/** The cluster in the data folder was made by another PostgreSQL major version, which cannot open it. */
public final class IncompatibleDataFolderException extends DataFolderException {

    IncompatibleDataFolderException(Path cluster, String foundVersion, String expectedVersion) {
        super("The database in " + cluster + " was made by PostgreSQL " + foundVersion
                        + ", but this Switchboard runs PostgreSQL " + expectedVersion + ".",
                "Start the Switchboard version that made it, write a backup with it (docs/database.md), "
                        + "then restore that backup into a new data folder with this version.");
    }
}
