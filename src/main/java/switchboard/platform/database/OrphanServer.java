package switchboard.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * After kill -9 of the JVM the postmaster lives on as an orphan holding the cluster, and the
 * next start would fail after the whole startup wait. We hold the data-folder lock, so any
 * postmaster on our cluster is such an orphan: stop it (fast shutdown, then harder), or drop a
 * stale {@code postmaster.pid} whose process is gone, a zombie, or not postgres.
 */
final class OrphanServer {

    private static final Logger log = LoggerFactory.getLogger(OrphanServer.class);
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(15);
    private static final Duration QUIT_WAIT = Duration.ofSeconds(5);

    private OrphanServer() {
    }

    static void stopIfRunning(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        if (postmaster.isEmpty() || !isLivePostgres(postmaster.get())) {
            log.info("Removing stale {} (its process is gone)", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle orphan = postmaster.get();
        log.warn("Stopping an orphaned PostgreSQL (pid {}) left on {} by an earlier run that was killed", orphan.pid(), cluster);
        signal(orphan, "INT");
        if (awaitExit(orphan, FAST_SHUTDOWN_WAIT)) {
            return;
        }
        signal(orphan, "QUIT");
        if (awaitExit(orphan, QUIT_WAIT)) {
            return;
        }
        orphan.destroyForcibly();
        awaitExit(orphan, QUIT_WAIT);
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isLivePostgres(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path proc = Path.of("/proc", String.valueOf(process.pid()));
        if (Files.isDirectory(proc)) {
            try {
                String stat = Files.readString(proc.resolve("stat"));
                char state = stat.charAt(stat.lastIndexOf(')') + 2);
                String name = Files.readString(proc.resolve("comm")).trim();
                return state != 'Z' && state != 'X' && name.startsWith("postgres");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
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

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isLivePostgres(process)) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !isLivePostgres(process);
    }
}
