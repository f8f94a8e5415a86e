package switchboard.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An OS file lock on {@code switchboard.lock} in the data folder, held for the JVM's lifetime.
 * The OS drops it when the process dies, even by kill -9, so a stale lock cannot block a restart;
 * a live second instance on the same folder is refused with its pid in the message.
 *
 * <p>POSIX record locks belong to the process, and closing <em>any</em> descriptor of the file
 * drops them all. So a second attempt from this same JVM must not even open the file (it would
 * silently unlock the first holder): the folders held here are remembered and refused up front.
 */
final class DataFolderLock {

    static final String FILE_NAME = "switchboard.lock";
    private static final Set<Path> heldByThisProcess = ConcurrentHashMap.newKeySet();

    private final Path dataFolder;
    private final FileChannel channel;
    private final FileLock lock;
    private final AtomicBoolean released = new AtomicBoolean();

    private DataFolderLock(Path dataFolder, FileChannel channel, FileLock lock) {
        this.dataFolder = dataFolder;
        this.channel = channel;
        this.lock = lock;
    }

    /** @param dataFolder an existing folder, as a real path (one folder, one key) */
    static DataFolderLock acquire(Path dataFolder) {
        if (!heldByThisProcess.add(dataFolder)) {
            throw new DataFolderInUseException(dataFolder, ProcessHandle.current().pid());
        }
        try {
            return lockFile(dataFolder);
        } catch (RuntimeException e) {
            heldByThisProcess.remove(dataFolder);
            throw e;
        }
    }

    private static DataFolderLock lockFile(Path dataFolder) {
        Path file = dataFolder.resolve(FILE_NAME);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException | IOException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                throw new DataFolderInUseException(dataFolder, parsePid(holder));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new DataFolderLock(dataFolder, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the data folder " + dataFolder, e);
        }
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
    }

    private static long parsePid(String holder) {
        try {
            return Long.parseLong(holder);
        } catch (NumberFormatException e) {
            // The holder has locked the file but not yet written its pid.
            return 0;
        }
    }

    void release() {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException ignored) {
            // The process is stopping or the start failed; the OS drops the lock with the process.
        } finally {
            heldByThisProcess.remove(dataFolder);
        }
    }
}
