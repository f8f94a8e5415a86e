package switchboard.audience.importing;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An uploaded file read as a stream of records: the BOM skipped, the bytes decoded by the
 * detected encoding, fields split by FastCSV (RFC 4180 quotes: delimiters, quotes and newlines
 * inside quoted fields). The first non-blank record is the header; blank records (empty lines,
 * or lines of only delimiters) are skipped. Memory stays at FastCSV's buffer whatever the size.
 */
final class ContactFile implements AutoCloseable {

    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final List<String> header;

    ContactFile(InputStream bytes, FileEncoding encoding, char delimiter) {
        InputStream in = new BufferedInputStream(bytes, 256 * 1024);
        try {
            in.skipNBytes(Math.min(encoding.bomLength(), Integer.MAX_VALUE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.reader = CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter('"')
                .skipEmptyLines(true)
                // Ragged rows are the import's to report, row by row; the parser must not stop on them.
                .allowExtraFields(true)
                .allowMissingFields(true)
                // Spreadsheets write `"a" b` now and then; keep the text rather than fail the file.
                .allowExtraCharsAfterClosingQuote(true)
                .ofCsvRecord(new InputStreamReader(in, encoding.charset()));
        this.records = reader.iterator();
        SourceRow first = next();
        this.header = first == null ? List.of() : List.of(first.fields()).stream().map(String::strip).toList();
    }

    List<String> header() {
        return header;
    }

    /** The next non-blank record, or null at the end. */
    SourceRow next() {
        try {
            while (records.hasNext()) {
                CsvRecord record = records.next();
                if (!blank(record)) {
                    return new SourceRow(record.getStartingLineNumber(), record.getFields().toArray(String[]::new));
                }
            }
            return null;
        } catch (CsvParseException e) {
            throw new UnreadableFileException(e.getMessage(), e);
        } catch (NoSuchElementException e) {
            return null;
        }
    }

    private static boolean blank(CsvRecord record) {
        for (int i = 0; i < record.getFieldCount(); i++) {
            if (!record.getField(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file cannot be read on from here (say, a quote that never closes); rows before it stay imported. */
    static final class UnreadableFileException extends RuntimeException {
        UnreadableFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
