package switchboard.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Where the data lives. With no {@code url} Switchboard starts its embedded PostgreSQL in
 * {@code dataFolder}; with a url (env SWITCHBOARD_DATABASE_URL) it uses that server and starts none.
 */
@ConfigurationProperties("switchboard.database")
public record DatabaseProperties(
        String url,
        String username,
        String password,
        @DefaultValue("data") Path dataFolder,
        @DefaultValue("20") int maxPoolSize) {

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
