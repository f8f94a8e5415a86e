package switchboard.platform.secrets;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals secrets for storage (provider tokens, page tokens): AES-256-GCM with a fresh random
 * 96-bit nonce per value, written as {@code v1:} + base64(nonce, ciphertext, tag). The version
 * prefix lets a later key or algorithm be introduced without guessing what old values are.
 *
 * <p>The context names where the value belongs (say {@code "account:12:sms-provider-token"})
 * and is authenticated with it: a value copied into another row or account fails to open.
 * Opening fails the same way for a wrong key or a tampered value.
 */
public final class SecretBox {

    private static final String VERSION = "v1";
    private static final String PREFIX = VERSION + ":";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(EncryptionKey key) {
        this.key = new SecretKeySpec(key.bytes(), "AES");
        this.keyId = key.id();
    }

    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, context, plaintext.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
        return PREFIX + Base64.getEncoder().encodeToString(out.array());
    }

    public String open(String sealed, String context) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new UnreadableSecretException("it is not a value sealed by this Switchboard (no " + PREFIX + " prefix)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new UnreadableSecretException("it is not valid base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableSecretException("it is too short");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] nonce = new byte[NONCE_BYTES];
        in.get(nonce);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        return new String(crypt(Cipher.DECRYPT_MODE, nonce, context, ciphertext), StandardCharsets.UTF_8);
    }

    /** Which key seals (see {@link EncryptionKey#id()}); safe to log. */
    public String keyId() {
        return keyId;
    }

    private byte[] crypt(int mode, byte[] nonce, String context, byte[] input) {
        try {
            // A fresh Cipher per call: Cipher objects are not thread-safe.
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((PREFIX + context).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new UnreadableSecretException("it was sealed with another secret-encryption key, for another place, or altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "SecretBox[key " + keyId + "]";
    }
}
