package switchboard.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The PostgreSQL cluster directory inside the data folder, and the marker of a finished first start. */
final class ClusterFolder {

    private static final Logger log = LoggerFactory.getLogger(ClusterFolder.class);

    private final Path dataFolder;
    private final Path cluster;
    private final Path initialisedMarker;

    ClusterFolder(Path dataFolder) {
        this.dataFolder = dataFolder;
        this.cluster = dataFolder.resolve("postgres");
        this.initialisedMarker = dataFolder.resolve("postgres.initialised");
    }

    Path path() {
        return cluster;
    }

    /** Fails fast: the other version's binaries would otherwise hang until the startup wait runs out. */
    void refuseOtherMajorVersion(String expected) {
        Path versionFile = cluster.resolve("PG_VERSION");
        if (!Files.exists(versionFile)) {
            return;
        }
        try {
            String found = Files.readString(versionFile).trim();
            if (!found.equals(expected)) {
                throw new IncompatibleDataFolderException(cluster, found, expected);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + versionFile, e);
        }
    }

    boolean isInitialised() {
        return Files.exists(initialisedMarker) && Files.isDirectory(cluster);
    }

    /**
     * A kill during initdb leaves a half-made cluster that every later start trips on. The
     * marker is written only after the first complete start; a cluster without it is moved
     * aside (never deleted, in case it holds anything) and made again. A marker without its
     * cluster (someone removed the folder) is dropped, or the next interrupted first start
     * would pass for a complete one.
     */
    void setAsideIfInitialisationWasInterrupted() throws IOException {
        if (!Files.exists(cluster)) {
            Files.deleteIfExists(initialisedMarker);
            return;
        }
        if (Files.exists(initialisedMarker)) {
            return;
        }
        stopOrphanedInitdb();
        Path aside = dataFolder.resolve("postgres.incomplete-" + Instant.now().toEpochMilli());
        log.warn("The database folder {} was never completely initialised (interrupted first start); moving it to {} and starting afresh",
                cluster, aside);
        try {
            Files.move(cluster, aside);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the incomplete database folder " + cluster, e);
        }
    }

    /**
     * initdb outlives a JVM killed during the first start and keeps writing; left alone it
     * would write into the folder we set aside, or into the new cluster made in its place.
     */
    private void stopOrphanedInitdb() {
        String clusterArgument = cluster.toString();
        ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("initdb")).orElse(false))
                .filter(process -> process.info().arguments().map(arguments -> Arrays.asList(arguments).contains(clusterArgument)).orElse(false))
                .forEach(initdb -> {
                    log.warn("Stopping initdb (pid {}) left working on {} by a start that was killed", initdb.pid(), cluster);
                    initdb.destroyForcibly();
                    try {
                        initdb.onExit().get(5, TimeUnit.SECONDS);
                    } catch (ExecutionException | TimeoutException e) {
                        log.warn("initdb (pid {}) has not exited yet", initdb.pid());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
    }

    void markInitialised() throws IOException {
        if (!Files.exists(initialisedMarker)) {
            Files.writeString(initialisedMarker, "PostgreSQL " + EmbeddedDatabase.MAJOR_VERSION + " cluster initialised " + Instant.now() + "\n");
        }
    }
}
