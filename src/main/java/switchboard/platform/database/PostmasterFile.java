package switchboard.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postmaster.pid} a PostgreSQL server keeps in its cluster while it runs: line 1 the
 * server's pid, line 2 the cluster it serves, line 3 its start time (epoch seconds), line 4 its
 * port. A server that is still starting may have written only the first lines; a missing value
 * reads as 0.
 */
public record PostmasterFile(long pid, Path cluster, long startedAtEpochSecond, int port) {

    static final String NAME = "postmaster.pid";

    public static Optional<PostmasterFile> read(Path cluster) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(cluster.resolve(NAME));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(new PostmasterFile(number(lines, 0), cluster, number(lines, 2), (int) number(lines, 3)));
    }

    static void delete(Path cluster) throws IOException {
        Files.deleteIfExists(cluster.resolve(NAME));
    }

    private static long number(List<String> lines, int index) {
        if (lines.size() <= index) {
            return 0;
        }
        try {
            return Long.parseLong(lines.get(index).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
