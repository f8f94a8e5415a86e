package switchboard.audience.importing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How an uploaded file's bytes become text. Spreadsheets write UTF-8 with or without a byte
 * order mark, "Unicode text" as UTF-16 with one, and older Excel on Windows writes Windows-1252;
 * a file whose bytes are not valid UTF-8 and has no BOM is read as Windows-1252, which never fails.
 */
public enum FileEncoding {
    UTF_8("UTF-8", StandardCharsets.UTF_8, 0),
    UTF_8_BOM("UTF-8 with BOM", StandardCharsets.UTF_8, 3),
    UTF_16LE("UTF-16LE with BOM", StandardCharsets.UTF_16LE, 2),
    UTF_16BE("UTF-16BE with BOM", StandardCharsets.UTF_16BE, 2),
    WINDOWS_1252("Windows-1252", Charset.forName("windows-1252"), 0);

    private final String label;
    private final Charset charset;
    private final int bomLength;

    FileEncoding(String label, Charset charset, int bomLength) {
        this.label = label;
        this.charset = charset;
        this.bomLength = bomLength;
    }

    /** Decides from the file's first bytes and whether all of it is valid UTF-8. */
    static FileEncoding detect(byte[] head, int length, boolean validUtf8) {
        if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return UTF_8_BOM;
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return UTF_16LE;
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return UTF_16BE;
        }
        return validUtf8 ? UTF_8 : WINDOWS_1252;
    }

    public String label() {
        return label;
    }

    public Charset charset() {
        return charset;
    }

    public int bomLength() {
        return bomLength;
    }

    static FileEncoding ofLabel(String label) {
        for (FileEncoding encoding : values()) {
            if (encoding.label.equals(label)) {
                return encoding;
            }
        }
        throw new IllegalArgumentException("Unknown file encoding " + label);
    }
}
