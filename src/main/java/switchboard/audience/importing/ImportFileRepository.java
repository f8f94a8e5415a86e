package switchboard.audience.importing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The uploaded files of imports, in the database in 1 MiB chunks: every node can read a file
 * another node received, so any node can run or resume the import. Written and read as streams;
 * neither side holds more than a chunk in memory.
 */
@Repository
class ImportFileRepository {

    static final int CHUNK = 1024 * 1024;
    private final JdbcClient jdbc;

    ImportFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What was learnt while storing: the size, the first bytes, whether all bytes are valid UTF-8. */
    record StoredFile(long size, byte[] head, int headLength, boolean validUtf8) {
    }

    StoredFile store(long importId, InputStream content) {
        Utf8Check utf8 = new Utf8Check();
        byte[] head = null;
        int headLength = 0;
        long size = 0;
        int seq = 0;
        try {
            byte[] buffer = new byte[CHUNK];
            int filled;
            while ((filled = content.readNBytes(buffer, 0, CHUNK)) > 0) {
                if (head == null) {
                    head = buffer.clone();
                    headLength = filled;
                }
                utf8.update(buffer, filled);
                byte[] chunk = filled == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, filled);
                jdbc.sql("insert into import_file_chunks (import_id, seq, data) values (:import, :seq, :data)")
                        .param("import", importId).param("seq", seq++).param("data", chunk).update();
                size += filled;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded file", e);
        }
        return new StoredFile(size, head == null ? new byte[0] : head, headLength, utf8.finish());
    }

    /** The file's bytes from its start, fetched a chunk at a time. */
    InputStream open(long importId) {
        return new ChunkStream(importId);
    }

    void delete(long importId) {
        jdbc.sql("delete from import_file_chunks where import_id = :import").param("import", importId).update();
    }

    private final class ChunkStream extends InputStream {
        private final long importId;
        private int nextSeq;
        private byte[] chunk = new byte[0];
        private int position;
        private boolean ended;

        ChunkStream(long importId) {
            this.importId = importId;
        }

        @Override
        public int read() {
            if (!ensure()) {
                return -1;
            }
            return chunk[position++] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!ensure()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, target, offset, n);
            position += n;
            return n;
        }

        private boolean ensure() {
            while (position >= chunk.length) {
                if (ended) {
                    return false;
                }
                var next = jdbc.sql("select data from import_file_chunks where import_id = :import and seq = :seq")
                        .param("import", importId).param("seq", nextSeq++).query(byte[].class).optional();
                if (next.isEmpty()) {
                    ended = true;
                    return false;
                }
                chunk = next.get();
                position = 0;
            }
            return true;
        }
    }
}
