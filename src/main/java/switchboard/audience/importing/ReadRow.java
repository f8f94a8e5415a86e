package switchboard.audience.importing;

import java.nio.charset.StandardCharsets;

/**
 * A row as the error report would show it, kept compactly (one UTF-8 array instead of an array
 * of field strings) while its batch waits to be merged: the database may still find it in
 * conflict, and batches waiting in memory were most of the import's garbage collection work.
 */
record ReadRow(long line, byte[] utf8) {

    static ReadRow of(SourceRow row, char delimiter) {
        return new ReadRow(row.line(), row.text(delimiter).getBytes(StandardCharsets.UTF_8));
    }

    String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
