package switchboard.platform.secrets;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTests {

    private static final String CONTEXT = "account:12:sms-provider-token";

    private final SecretBox box = new SecretBox(randomKey());

    @Test
    void opensWhatItSealed() {
        String sealed = box.seal("AC123:auth-token-ünïcode", CONTEXT);

        assertThat(sealed).startsWith("v1:").doesNotContain("auth-token");
        assertThat(box.open(sealed, CONTEXT)).isEqualTo("AC123:auth-token-ünïcode");
    }

    @Test
    void sealsTheSameSecretDifferentlyEachTime() {
        assertThat(box.seal("same", CONTEXT)).isNotEqualTo(box.seal("same", CONTEXT));
    }

    @Test
    void refusesAlteredValues() {
        byte[] bytes = Base64.getDecoder().decode(box.seal("token", CONTEXT).substring(3));
        bytes[bytes.length - 20] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> box.open(tampered, CONTEXT))
                .isInstanceOf(UnreadableSecretException.class)
                .hasMessageNotContaining("token");
    }

    @Test
    void refusesAnotherKey() {
        String sealed = box.seal("token", CONTEXT);

        assertThatThrownBy(() -> new SecretBox(randomKey()).open(sealed, CONTEXT))
                .isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining("another secret-encryption key");
    }

    @Test
    void refusesAValueMovedToAnotherPlace() {
        String sealed = box.seal("token", CONTEXT);

        assertThatThrownBy(() -> box.open(sealed, "account:13:sms-provider-token")).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void refusesWhatItDidNotSeal() {
        assertThatThrownBy(() -> box.open("plain text", CONTEXT)).isInstanceOf(UnreadableSecretException.class).hasMessageContaining("v1:");
        assertThatThrownBy(() -> box.open("v1:AAAA", CONTEXT)).isInstanceOf(UnreadableSecretException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> box.open("v1:not base64!", CONTEXT)).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void neverShowsItsKey() {
        EncryptionKey key = randomKey();
        String base64 = Base64.getEncoder().encodeToString(key.bytes());

        assertThat(key.toString()).doesNotContain(base64).contains(key.id());
        assertThat(new SecretBox(key).toString()).doesNotContain(base64);
        assertThat(key.id()).hasSize(16).isNotEqualTo(randomKey().id());
    }

    private static EncryptionKey randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new EncryptionKey(bytes, "test");
    }
}
