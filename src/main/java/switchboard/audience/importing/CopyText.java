package switchboard.audience.importing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Rows in PostgreSQL's COPY text format: tab between columns, newline after each row, \N for
 * null, and backslash escapes for the characters that would otherwise end a value.
 */
final class CopyText {

    private final StringBuilder line = new StringBuilder(256);
    private final ByteArrayOutputStream bytes;
    private int columns;

    CopyText(int expectedBytes) {
        bytes = new ByteArrayOutputStream(expectedBytes);
    }

    CopyText value(String value) {
        if (columns++ > 0) {
            line.append('\t');
        }
        if (value == null) {
            line.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
        return this;
    }

    CopyText value(long value) {
        if (columns++ > 0) {
            line.append('\t');
        }
        line.append(value);
        return this;
    }

    void endRow() {
        line.append('\n');
        bytes.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
        columns = 0;
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }
}
