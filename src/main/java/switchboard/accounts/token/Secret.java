package switchboard.accounts.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A bearer secret (API token, invite link token): 256 random bits, URL-safe. Only its SHA-256
 * is stored; a fast hash is enough because the secret itself is random, not a chosen password.
 */
public record Secret(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static Secret random(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new Secret(prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public byte[] sha256() {
        return sha256(value);
    }

    public static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Never print the secret by accident (logs, exception messages). */
    @Override
    public String toString() {
        return "Secret[hidden]";
    }
}
