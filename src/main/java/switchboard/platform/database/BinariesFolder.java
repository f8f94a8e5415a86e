package switchboard.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the PostgreSQL binaries are unpacked: {@code runtime/PG-<digest>} in the data folder
 * (not java.io.tmpdir, which may be noexec). zonky marks a finished unpacking with an
 * {@code .exists} file and, finding a folder without it, unpacks over the half-written files
 * and fails on the first one that is already there, on every later start. We hold the
 * data-folder lock, so such a folder is left by a start that was killed: remove it.
 */
final class BinariesFolder {

    private static final Logger log = LoggerFactory.getLogger(BinariesFolder.class);
    private static final String FINISHED_MARKER = ".exists";

    private final Path runtime;

    BinariesFolder(Path dataFolder) {
        this.runtime = dataFolder.resolve("runtime");
    }

    Path path() {
        return runtime;
    }

    void removeInterruptedUnpacking() throws IOException {
        if (!Files.isDirectory(runtime)) {
            return;
        }
        List<Path> unfinished;
        try (Stream<Path> folders = Files.list(runtime)) {
            unfinished = folders.filter(folder -> folder.getFileName().toString().startsWith("PG-"))
                    .filter(folder -> !Files.exists(folder.resolve(FINISHED_MARKER))).toList();
        }
        for (Path folder : unfinished) {
            log.warn("Removing {}: unpacking the PostgreSQL binaries there was interrupted; they are unpacked again", folder);
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
