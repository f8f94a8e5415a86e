package switchboard.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * After kill -9 of the JVM the postmaster lives on as an orphan holding the cluster, and the
 * next start would fail after the whole startup wait. We hold the data-folder lock, so a
 * postmaster serving our cluster is such an orphan: stop it (fast shutdown, then harder). A
 * {@code postmaster.pid} whose process is gone, a zombie, or anything but a postgres serving
 * this very cluster is stale and is deleted.
 *
 * <p>"Serving this very cluster" matters: after a reboot the recorded pid may belong to an
 * unrelated process, even to another PostgreSQL (a system server is often called postgres
 * too), and that one must never get our signals.
 */
final class OrphanServer {

    private static final Logger log = LoggerFactory.getLogger(OrphanServer.class);
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(15);
    private static final Duration QUIT_WAIT = Duration.ofSeconds(5);
    /** Tolerance between the start time postgres records and the one the OS reports. */
    private static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(5);

    private OrphanServer() {
    }

    static void stopIfRunning(Path cluster) throws IOException {
        Optional<PostmasterFile> file = PostmasterFile.read(cluster);
        if (file.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> postmaster = servingCluster(file.get());
        if (postmaster.isEmpty()) {
            log.info("Removing stale {} (process {} is gone or is not this cluster's server)", cluster.resolve(PostmasterFile.NAME), file.get().pid());
            PostmasterFile.delete(cluster);
            return;
        }
        ProcessHandle orphan = postmaster.get();
        log.warn("Stopping an orphaned PostgreSQL (pid {}) left on {} by an earlier run that was killed", orphan.pid(), cluster);
        signal(orphan, "INT");
        if (awaitExit(orphan, file.get(), FAST_SHUTDOWN_WAIT)) {
            return;
        }
        signal(orphan, "QUIT");
        if (awaitExit(orphan, file.get(), QUIT_WAIT)) {
            return;
        }
        // Its backends too: one left behind keeps the shared memory that the next server refuses to share.
        orphan.descendants().forEach(ProcessHandle::destroyForcibly);
        orphan.destroyForcibly();
        awaitExit(orphan, file.get(), QUIT_WAIT);
    }

    /** Waits for the server recorded in the cluster's pid file, if any, to be gone. */
    static boolean awaitStopped(Path cluster, Duration wait) throws IOException {
        Optional<PostmasterFile> file = PostmasterFile.read(cluster);
        if (file.isEmpty()) {
            return true;
        }
        return servingCluster(file.get()).map(server -> awaitExit(server, file.get(), wait)).orElse(true);
    }

    /** The live postgres process the pid file names, if it really serves that cluster. */
    static Optional<ProcessHandle> servingCluster(PostmasterFile file) {
        if (file.pid() <= 0) {
            return Optional.empty();
        }
        return ProcessHandle.of(file.pid()).filter(process -> isPostmasterOf(process, file));
    }

    private static boolean isPostmasterOf(ProcessHandle process, PostmasterFile file) {
        if (!process.isAlive()) {
            return false;
        }
        Path proc = Path.of("/proc", String.valueOf(process.pid()));
        if (Files.isDirectory(proc)) {
            return linuxPostmasterOf(proc, file.cluster());
        }
        return process.info().command().map(command -> command.endsWith("postgres")).orElse(false)
                && startedWhenRecorded(process, file);
    }

    /** The postmaster changes into its cluster directory at start, so its working directory names it. */
    private static boolean linuxPostmasterOf(Path proc, Path cluster) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            String name = Files.readString(proc.resolve("comm")).trim();
            if (state == 'Z' || state == 'X' || !name.startsWith("postgres")) {
                return false;
            }
            return Files.readSymbolicLink(proc.resolve("cwd")).equals(cluster.toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean startedWhenRecorded(ProcessHandle process, PostmasterFile file) {
        return process.info().startInstant()
                .map(started -> Duration.between(started, Instant.ofEpochSecond(file.startedAtEpochSecond())).abs()
                        .compareTo(START_TIME_TOLERANCE) <= 0)
                .orElse(false);
    }

    private static void signal(ProcessHandle process, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitExit(ProcessHandle process, PostmasterFile file, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (isPostmasterOf(process, file)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                // A process that is not our child gives no exit event to wait on: poll.
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
