package switchboard.platform.database.backup;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseCommandsTests {

    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final DatabaseCommands commands = new DatabaseCommands(System.out, new PrintStream(errors, true, StandardCharsets.UTF_8));

    @Test
    void takesOverOnlyForBackupAndRestore() {
        assertThat(DatabaseCommands.handles(new String[] {"backup", "file.zip"})).isTrue();
        assertThat(DatabaseCommands.handles(new String[] {"restore", "file.zip"})).isTrue();
        assertThat(DatabaseCommands.handles(new String[] {"--server.port=9090"})).isFalse();
        assertThat(DatabaseCommands.handles(new String[0])).isFalse();
    }

    @Test
    void explainsItselfWhenTheFileIsMissingOrDoubled() {
        assertThat(commands.execute(new String[] {"backup", "--switchboard.database.data-folder=data"})).isEqualTo(2);
        assertThat(commands.execute(new String[] {"restore", "one.zip", "two.zip"})).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("Usage: switchboard backup <file.zip>");
    }
}
