package switchboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import switchboard.platform.database.backup.DatabaseCommands;

/**
 * Switchboard: one hub where a business's team talks with its customers over every channel.
 * The modules are the top-level packages below this one; see docs/architecture.md.
 */
@Modulithic(sharedModules = "platform")
@SpringBootApplication
@ConfigurationPropertiesScan
public class SwitchboardApplication {

    /** Runs the server, or with {@code backup <file>} / {@code restore <file>} that command (docs/database.md). */
    public static void main(String[] args) {
        if (DatabaseCommands.handles(args)) {
            System.exit(DatabaseCommands.run(args));
        }
        SpringApplication.run(SwitchboardApplication.class, args);
    }
}
