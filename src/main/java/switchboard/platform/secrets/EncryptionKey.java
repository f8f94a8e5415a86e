package switchboard.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The 256-bit key that seals stored secrets, and where it came from: {@code switchboard.secret-key}
 * (env SWITCHBOARD_SECRET_KEY, base64) when set, else {@code secret.key} in the data folder,
 * generated on first run, readable by its owner only. {@link #toString()} never shows the key.
 */
public record EncryptionKey(byte[] bytes, String origin) {

    public static final String FILE_NAME = "secret.key";
    public static final String PROPERTY = "switchboard.secret-key";
    static final int BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public EncryptionKey {
        if (bytes == null || bytes.length != BYTES) {
            throw new IllegalArgumentException("A secret-encryption key has " + BYTES + " bytes");
        }
        bytes = bytes.clone();
    }

    /** The key Switchboard runs with; generates the data folder's key file when there is none. */
    public static EncryptionKey obtain(String configured, Path dataFolder) {
        return find(configured, dataFolder).orElseGet(() -> generate(fileIn(dataFolder)));
    }

    /** The key if one is configured or kept in the data folder; never generates one. */
    public static Optional<EncryptionKey> find(String configured, Path dataFolder) {
        if (configured != null && !configured.isBlank()) {
            return Optional.of(new EncryptionKey(decode(configured, PROPERTY + " (SWITCHBOARD_SECRET_KEY)"), PROPERTY));
        }
        Path file = fileIn(dataFolder);
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    public static Path fileIn(Path dataFolder) {
        return dataFolder.toAbsolutePath().normalize().resolve(FILE_NAME);
    }

    /** A short fingerprint that names the key (in logs and backup manifests) without revealing it. */
    public String id() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("switchboard secret key id\0".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "EncryptionKey[" + id() + " from " + origin + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptionKey key && MessageDigest.isEqual(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    private static EncryptionKey read(Path file) {
        try {
            return new EncryptionKey(decode(Files.readString(file), file.toString()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the secret-encryption key " + file, e);
        }
    }

    private static byte[] decode(String base64, String where) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            if (key.length == BYTES) {
                return key;
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below
        }
        throw new IllegalStateException("The secret-encryption key in " + where + " must be the base64 of "
                + BYTES + " random bytes (for example from: openssl rand -base64 32).");
    }

    /**
     * Written completely to a private temporary file first, then linked into place: a second
     * process starting at the same moment either wins (and we read its key) or loses, but
     * never sees a half-written file.
     */
    private static EncryptionKey generate(Path file) {
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        Path folder = file.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, FILE_NAME + ".", ".new", ownerOnly(folder));
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException generatedMeanwhile) {
                return read(file);
            } catch (UnsupportedOperationException | IOException noHardLinks) {
                Files.move(temporary, file);
            }
            return new EncryptionKey(key, file + " (generated)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the secret-encryption key " + file, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path folder) {
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    }

    /** Whether anyone but the owner may read the file (always false where permissions are not POSIX). */
    public static boolean readableByOthers(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        return !OWNER_ONLY.containsAll(permissions);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file holds nothing the key file does not
        }
    }
}
