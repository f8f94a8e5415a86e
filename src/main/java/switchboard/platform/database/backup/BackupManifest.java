package switchboard.platform.database.backup;

import java.util.List;

/**
 * What a backup archive holds, written as {@code manifest.json} next to the table files.
 *
 * @param format        this layout's version; a restore refuses formats it does not know
 * @param schemaVersion the newest Flyway migration applied to the database backed up
 * @param secretKeyId   the id (never the key) of the secret-encryption key in use then, or null
 */
public record BackupManifest(
        int format,
        String createdAt,
        String schemaVersion,
        String postgresVersion,
        String secretKeyId,
        List<TableCopy> tables,
        List<SequenceValue> sequences) {

    public static final int FORMAT = 1;

    /** One table: its columns in COPY order, its rows, and the archive file with its SHA-256. */
    public record TableCopy(String name, List<String> columns, long rows, String file, String sha256) {
    }

    /** A sequence as {@code setval(name, lastValue, called)} would set it back. */
    public record SequenceValue(String name, long lastValue, boolean called) {
    }

    public long totalRows() {
        return tables.stream().mapToLong(TableCopy::rows).sum();
    }
}
