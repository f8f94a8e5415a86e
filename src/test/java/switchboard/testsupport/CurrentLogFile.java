package switchboard.testsupport;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The file the structured log goes to right now. Logging is one per JVM: an application started
 * later in the same JVM (a second node in a test) points it elsewhere than the first context's
 * {@code logging.file.name}, so tests ask logback instead of the environment.
 */
public final class CurrentLogFile {

    private CurrentLogFile() {
    }

    public static Path path() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE") instanceof FileAppender<?> file) {
            return Path.of(file.getFile());
        }
        throw new AssertionError("No FILE appender: is logging.file.name set?");
    }
}
