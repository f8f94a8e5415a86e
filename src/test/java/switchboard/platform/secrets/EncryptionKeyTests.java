package switchboard.platform.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptionKeyTests {

    @TempDir
    Path dataFolder;

    @Test
    void generatesAnOwnerOnlyKeyFileOnFirstRunAndReusesIt() throws Exception {
        EncryptionKey first = EncryptionKey.obtain("", dataFolder);
        Path file = dataFolder.resolve("secret.key");

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(EncryptionKey.readableByOthers(file)).isFalse();
        assertThat(first.origin()).isEqualTo(file + " (generated)");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);

        EncryptionKey again = EncryptionKey.obtain("", dataFolder);
        assertThat(again).isEqualTo(first);
        assertThat(again.origin()).isEqualTo(file.toString());
        try (Stream<Path> files = Files.list(dataFolder)) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void prefersTheConfiguredKeyAndNeverWritesAFileThen() {
        String configured = Base64.getEncoder().encodeToString(new byte[32]);

        EncryptionKey key = EncryptionKey.obtain(configured, dataFolder);

        assertThat(key.bytes()).isEqualTo(new byte[32]);
        assertThat(key.origin()).isEqualTo("switchboard.secret-key");
        assertThat(dataFolder.resolve("secret.key")).doesNotExist();
    }

    @Test
    void findsNoKeyWithoutMakingOne() {
        assertThat(EncryptionKey.find(null, dataFolder)).isEmpty();
        assertThat(dataFolder.resolve("secret.key")).doesNotExist();
    }

    @Test
    void explainsAKeyOfTheWrongShape() {
        assertThatThrownBy(() -> EncryptionKey.obtain("c2hvcnQ=", dataFolder))
                .hasMessageContaining("switchboard.secret-key (SWITCHBOARD_SECRET_KEY) must be the base64 of 32 random bytes")
                .hasMessageNotContaining("c2hvcnQ=");
    }

    @Test
    void tellsWhenTheKeyFileIsReadableByOthers() throws Exception {
        EncryptionKey.obtain("", dataFolder);
        Path file = dataFolder.resolve("secret.key");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(EncryptionKey.readableByOthers(file)).isTrue();
    }

    @Test
    void processesStartingTogetherAgreeOnOneKey() throws Exception {
        List<Callable<EncryptionKey>> starts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            starts.add(() -> EncryptionKey.obtain("", dataFolder));
        }
        Set<String> ids;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            ids = pool.invokeAll(starts).stream().map(EncryptionKeyTests::get).map(EncryptionKey::id).collect(Collectors.toSet());
        }
        assertThat(ids).containsExactly(EncryptionKey.obtain("", dataFolder).id());
    }

    private static EncryptionKey get(Future<EncryptionKey> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
