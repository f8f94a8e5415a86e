package switchboard.audience.importing;

import java.util.List;

/**
 * A batch ready to merge: its contacts (deduplicated) already encoded for COPY, the keys of those
 * that may match a stored contact ({@link ImportKeys}), the rows it rejected, and the last line
 * it covers (the checkpoint once it commits).
 */
record PreparedBatch(List<StagedContact> contacts, byte[] stagingRows, byte[] keyRows, List<RejectedRow> rejected,
                     byte[] rejectedRows, long rowsRead, long lastLine) {

    static PreparedBatch of(BatchDeduplication batch, ImportKeys importKeys, long importId, long rowsRead, long lastLine) {
        List<StagedContact> contacts = batch.contacts();
        CopyText staging = new CopyText(contacts.size() * 120);
        // Phone and email alone of the contacts that may already exist, for the match ahead
        // (ImportBatchRepository.matchExisting); the others are new.
        CopyText keys = new CopyText(contacts.size() * 4);
        for (int g = 0; g < contacts.size(); g++) {
            StagedContact c = contacts.get(g);
            staging.value(g).value(c.firstLine()).value(c.phone).value(c.email).value(c.firstName).value(c.lastName)
                    .value(c.company).value(c.attributesJson()).endRow();
            c.mayMatch = importKeys.mayMatch(c);
            if (c.mayMatch) {
                keys.value(g).value(c.phone).value(c.email).endRow();
            }
        }
        contacts.forEach(importKeys::add);
        // Only the rows (for conflicts the database may find), phone and email (to match against
        // batches merged meanwhile) and the merge counts are needed from here on: the batch
        // waits in memory while the previous one merges.
        contacts.forEach(StagedContact::forgetValues);
        return new PreparedBatch(contacts, staging.toBytes(), keys.toBytes(), batch.rejected(), encode(importId, batch.rejected()),
                rowsRead, lastLine);
    }

    /** Rows for COPY into import_errors (import_id, line, row_text, reason). */
    static byte[] encode(long importId, List<RejectedRow> rows) {
        CopyText errors = new CopyText(rows.size() * 150);
        for (RejectedRow row : rows) {
            errors.value(importId).value(row.line()).value(row.text()).value(row.reason()).endRow();
        }
        return errors.toBytes();
    }

    int mergedRows() {
        return contacts.stream().mapToInt(c -> c.rows.size() - 1).sum();
    }
}
