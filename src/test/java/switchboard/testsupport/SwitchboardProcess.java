package switchboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The real Switchboard in a child JVM (the same java binary and classpath as the tests), run the
 * way a person runs it: for tests that kill it, interrupt it, or run its backup and restore
 * commands. Its output goes to a file under target/ that {@link #describe()} adds to failures.
 */
public final class SwitchboardProcess implements AutoCloseable {

    private static final String MAIN_CLASS = "switchboard.SwitchboardApplication";
    /** Quicker starts on small machines: the child runs briefly, so C1 alone is plenty. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m");
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path output;
    private final long startedAt;

    private SwitchboardProcess(Process process, int port, Path output, long startedAt) {
        this.process = process;
        this.port = port;
        this.output = output;
        this.startedAt = startedAt;
    }

    /** Starts the server on a free port with its data in {@code dataFolder}; output to {@code target/<name>.log}. */
    public static SwitchboardProcess start(Path dataFolder, String name) {
        int port = freePort();
        Path output = outputFile(name);
        long startedAt = System.nanoTime();
        Process process = launch(output, List.of("--server.port=" + port, "--switchboard.database.data-folder=" + dataFolder));
        return new SwitchboardProcess(process, port, output, startedAt);
    }

    /** Runs a command such as {@code backup <file>} to its end; returns its exit code and output. */
    public static CommandRun runCommand(String name, Duration timeout, String... arguments) {
        Path output = outputFile(name);
        Process process = launch(output, List.of(arguments));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("`" + String.join(" ", arguments) + "` did not finish within " + timeout + ":\n" + read(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new CommandRun(process.exitValue(), read(output));
    }

    public record CommandRun(int exitCode, String output) {
    }

    /** Waits until /actuator/health says UP; returns how long the start took. Fails early if the process dies. */
    public Duration awaitHealthy(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("Switchboard exited with " + process.exitValue() + " before it was healthy.\n" + describe());
            }
            return healthy();
        });
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    private boolean healthy() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hook runs, exactly like a crash or an OOM kill. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** SIGINT, what Ctrl-C in a terminal sends. */
    public void interrupt() {
        try {
            int exit = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -INT " + process.pid() + " failed with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitCode() {
        return process.exitValue();
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        return read(output);
    }

    /** The child's output with where it is, for assertion messages. */
    public String describe() {
        return "---- output of Switchboard (pid " + process.pid() + ", " + output + ") ----\n" + read(output) + "\n---- end ----";
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(10));
        }
    }

    private static Process launch(Path output, List<String> arguments) {
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("Cannot tell which java runs the tests"));
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS));
        command.addAll(arguments);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
    }

    private static Path outputFile(String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "switchboard-processes"));
            return folder.resolve(name + "-" + System.currentTimeMillis() + ".log").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
