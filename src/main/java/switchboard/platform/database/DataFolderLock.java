package switchboard.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS file lock on {@code switchboard.lock} in the data folder, held for the JVM's lifetime.
 * The OS drops it when the process dies, even by kill -9, so a stale lock cannot block a restart;
 * a live second instance on the same folder is refused with its pid in the message.
 */
final class DataFolderLock {

    static final String FILE_NAME = "switchboard.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataFolderLock acquire(Path dataFolder) {
        Path file = dataFolder.resolve(FILE_NAME);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException inThisJvm) {
                lock = null;
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
                channel.close();
                throw new DataFolderInUseException(dataFolder, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new DataFolderLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the data folder " + dataFolder, e);
        }
    }

    void release() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException ignored) {
            // The process is stopping or the start failed; the OS drops the lock with the process.
        }
    }
}
