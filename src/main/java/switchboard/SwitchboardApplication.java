package switchboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Switchboard: one hub where a business's team talks with its customers over every channel.
 * The modules are the top-level packages below this one; see docs/architecture.md.
 */
@Modulithic(sharedModules = "platform")
@SpringBootApplication
@ConfigurationPropertiesScan
public class SwitchboardApplication {

    public static void main(String[] args) {
        SpringApplication.run(SwitchboardApplication.class, args);
    }
}
