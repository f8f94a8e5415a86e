package switchboard.audience.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the field delimiter of a delimited text file from its first lines: the candidate
 * (tab, comma, semicolon, pipe) that splits the most lines into the same number (> 1) of fields,
 * counting only delimiters outside quotes. European spreadsheets write semicolons, databases
 * pipes or tabs, so "the most frequent character" alone picks wrong on names like "Smith, John".
 */
final class Delimiters {

    static final char[] CANDIDATES = {'\t', ',', ';', '|'};
    private static final int SAMPLE_LINES = 50;

    private Delimiters() {
    }

    static char detect(String sample) {
        List<String> records = records(sample);
        char best = ',';
        double bestScore = 0;
        for (char candidate : CANDIDATES) {
            double score = score(records, candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** Lines agreeing with the header's field count, weighted by that count; 0 if it never splits. */
    private static double score(List<String> records, char delimiter) {
        if (records.isEmpty()) {
            return 0;
        }
        int headerFields = fields(records.getFirst(), delimiter);
        if (headerFields < 2) {
            return 0;
        }
        long agreeing = records.stream().filter(r -> fields(r, delimiter) == headerFields).count();
        return agreeing * 1000.0 / records.size() + Math.min(headerFields, 100) / 100.0;
    }

    private static int fields(String record, char delimiter) {
        int count = 1;
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }

    /** Splits into records, keeping quoted newlines inside their record; skips blank lines; drops a cut-off last line. */
    private static List<String> records(String sample) {
        List<String> records = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < sample.length() && records.size() < SAMPLE_LINES; i++) {
            char c = sample.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if ((c == '\n' || c == '\r') && !quoted) {
                if (!current.isEmpty()) {
                    records.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (records.isEmpty() && !current.isEmpty()) {
            records.add(current.toString());
        }
        return records;
    }

    static String name(char delimiter) {
        return switch (delimiter) {
            case '\t' -> "tab";
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '|' -> "pipe";
            default -> String.valueOf(delimiter);
        };
    }

    static char ofName(String name) {
        return switch (name) {
            case "tab" -> '\t';
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "pipe" -> '|';
            default -> throw new IllegalArgumentException("Unknown delimiter " + name);
        };
    }
}
