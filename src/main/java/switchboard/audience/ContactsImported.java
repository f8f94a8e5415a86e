package switchboard.audience;

/** An import finished (completed or cancelled); the counts are the final summary. */
public record ContactsImported(long accountId, long importId, long listId, String status,
                               long rowsRead, long created, long updated, long skipped, long failed) {
}
