package switchboard.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application on a random port, on a fresh database of its own, reached over real
 * HTTP. Contexts are cached: test classes with the same configuration share one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// The data folder (logs, the secret key; the database comes from FreshDatabase) lies under
// target/, not in the working copy.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "switchboard.database.data-folder=target/test-data")
@ContextConfiguration(initializers = FreshDatabase.class)
@Import(TestTenants.class)
public @interface SwitchboardTest {
}
