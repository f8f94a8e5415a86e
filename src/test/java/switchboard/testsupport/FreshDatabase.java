package switchboard.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points each Spring test context at a database of its own (see {@link TestDatabases}). */
public class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("switchboard.database.url=" + TestDatabases.freshDatabaseUrl()).applyTo(context);
    }
}
