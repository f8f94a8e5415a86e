package switchboard.audience.importing;

import java.util.List;

/**
 * What the wizard shows after the upload: how the file was read (encoding, delimiter), its
 * header, its first rows, and the mapping detected from the header (as column target codes).
 */
public record ImportPreview(long importId, String fileName, String encoding, String delimiter, List<String> headers,
                            List<List<String>> rows, ColumnMapping detectedMapping) {
}
