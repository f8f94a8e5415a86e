package switchboard.platform.live;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import switchboard.SwitchboardApplication;

/**
 * Another instance of the whole application in this JVM, on the same database as the test's own
 * context: a second node. JMX stays off so the two contexts register no clashing MBeans.
 */
final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** @param databaseUrl the first node's switchboard.database.url (a JDBC URL carrying the user) */
    static SecondNode start(String databaseUrl) {
        return new SecondNode(new SpringApplicationBuilder(SwitchboardApplication.class).run(
                "--server.port=0",
                "--switchboard.database.url=" + databaseUrl,
                "--spring.jmx.enabled=false",
                "--switchboard.database.data-folder=target/second-node"));
    }

    int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    boolean running() {
        return context.isActive();
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
