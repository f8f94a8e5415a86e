package switchboard.platform.secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import switchboard.platform.database.DatabaseProperties;

import java.io.IOException;
import java.nio.file.Path;

/** The one SecretBox, with the key from configuration or from the data folder (see docs/database.md). */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    SecretBox secretBox(@Value("${" + EncryptionKey.PROPERTY + ":}") String configured, DatabaseProperties database) throws IOException {
        EncryptionKey key = EncryptionKey.obtain(configured, database.dataFolder());
        log.info("Secrets are sealed with key {} from {}", key.id(), key.origin());
        Path file = EncryptionKey.fileIn(database.dataFolder());
        if ((configured == null || configured.isBlank()) && EncryptionKey.readableByOthers(file)) {
            log.warn("{} can be read by other users of this machine; make it private: chmod 600 {}", file, file);
        }
        return new SecretBox(key);
    }
}
