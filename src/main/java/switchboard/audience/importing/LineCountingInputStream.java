package switchboard.audience.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the line feed bytes of an upload as it streams into the database, for the progress
 * bar's estimated total. Counting the 0x0A byte is right for UTF-8, Windows-1252 and both
 * UTF-16 orders (LF is 0A 00 or 00 0A), and CRLF counts once. A quoted field with a line break,
 * or a UTF-16 character with a 0A byte, makes the estimate slightly high; it is only an estimate.
 */
final class LineCountingInputStream extends FilterInputStream {

    private long lineFeeds;
    private int last = -1;

    LineCountingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            count(buffer[offset + i] & 0xff);
        }
        return n;
    }

    private void count(int b) {
        if (b == '\n') {
            lineFeeds++;
        }
        last = b;
    }

    /** Rows after the header: lines, counting an unterminated last line, less one. */
    long rowsAfterHeader() {
        long lines = lineFeeds + (last >= 0 && last != '\n' && last != 0 ? 1 : 0);
        return Math.max(0, lines - 1);
    }
}
