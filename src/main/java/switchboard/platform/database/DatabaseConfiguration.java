package switchboard.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/**
 * One DataSource either way: the external server when a URL is configured, else the embedded
 * one. The pool depends on the embedded server bean, so Spring closes the pool first and the
 * server last, after graceful shutdown has let in-flight requests finish.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final String EMBEDDED = "'${switchboard.database.url:}'.isBlank()";

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(EMBEDDED)
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
        return EmbeddedDatabase.start(properties.dataFolder());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(EMBEDDED)
    HikariDataSource embeddedDataSource(EmbeddedDatabase database, DatabaseProperties properties) {
        return pool(database.jdbcUrl(), database.username(), null, properties.maxPoolSize());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!(" + EMBEDDED + ")")
    HikariDataSource externalDataSource(DatabaseProperties properties) {
        return pool(properties.url(), properties.username(), properties.password(), properties.maxPoolSize());
    }

    private static HikariDataSource pool(String url, String username, String password, int maxPoolSize) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("switchboard");
        pool.setJdbcUrl(url);
        if (username != null && !username.isBlank()) {
            pool.setUsername(username);
        }
        if (password != null && !password.isBlank()) {
            pool.setPassword(password);
        }
        pool.setMaximumPoolSize(maxPoolSize);
        // Grow on demand and shrink back when idle (after 10 minutes), rather than hold the
        // maximum open all the time (Hikari's default): PostgreSQL allows 100 connections unless
        // told otherwise, and every node of a scaled-out Switchboard (and every cached Spring
        // context of a test run on the external server) shares them.
        pool.setMinimumIdle(Math.min(2, maxPoolSize));
        // No JIT compilation of queries. It pays off for long analytic scans, never for these
        // short statements, and it misfires on the ones that switch plan types off to force a
        // plan (a disabled node adds 10^10 to the cost, far past jit_above_cost): a PostgreSQL
        // built with LLVM then compiled a search or an import batch's match at every call. The
        // embedded server has no JIT; this keeps an external one the same. A URL's own options win.
        pool.addDataSourceProperty("options", "-c jit=off");
        return pool;
    }

}
