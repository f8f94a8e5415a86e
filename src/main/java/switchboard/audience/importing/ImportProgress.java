package switchboard.audience.importing;

import java.time.Instant;

/**
 * An import's progress or final summary, as stored (so every node and every page reload sees the
 * same): rows read so far and what became of them. rowsRead = created + updated + skipped + failed.
 * estimatedRows: about how many rows the file holds (null before the upload is measured);
 * createdBy: the importer's user id.
 */
public record ImportProgress(long importId, String fileName, long fileSize, ImportStatus status,
                             long rowsRead, long created, long updated, long skipped, long failed,
                             Long listId, String failure, Instant createdAt, Instant startedAt, Instant finishedAt,
                             Long estimatedRows, long createdBy) {

    /** How far the import is, 0 to 100, from the rows read of the estimated total; 100 once it finished. */
    public int percent() {
        if (status.finished()) {
            return 100;
        }
        if (estimatedRows == null || estimatedRows <= 0) {
            return 0;
        }
        return (int) Math.min(99, rowsRead * 100 / estimatedRows);
    }
}
