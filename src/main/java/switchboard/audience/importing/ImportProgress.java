package switchboard.audience.importing;

import java.time.Instant;

/**
 * An import's progress or final summary, as stored (so every node and every page reload sees the
 * same): rows read so far and what became of them. rowsRead = created + updated + skipped + failed.
 */
public record ImportProgress(long importId, String fileName, long fileSize, ImportStatus status,
                             long rowsRead, long created, long updated, long skipped, long failed,
                             Long listId, String failure, Instant createdAt, Instant startedAt, Instant finishedAt) {
}
