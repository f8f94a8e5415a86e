package switchboard.platform.database;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The other process in {@link EmbeddedDatabaseTests}: starts the embedded database in the folder
 * given, says on its output whether it could, and holds the folder until its input closes or
 * it is killed.
 */
final class EmbeddedDatabaseHolder {

    static final String STARTED = "STARTED ";
    static final String REFUSED = "REFUSED ";

    private EmbeddedDatabaseHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]))) {
            System.out.println(STARTED + database.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the folder until the test closes our input
            }
        } catch (DataFolderException e) {
            System.out.println(REFUSED + e.getMessage());
            System.out.flush();
            System.exit(3);
        }
    }
}
