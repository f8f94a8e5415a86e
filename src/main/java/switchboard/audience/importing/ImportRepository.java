package switchboard.audience.importing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The imports: their settings, progress, claims by nodes, and rejected rows. */
@Repository
class ImportRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Everything a node needs to run an import. */
    record ImportJobSettings(long id, long accountId, long createdBy, FileEncoding encoding, char delimiter,
                             ColumnMapping mapping, ImportOptions options, long listId, Long attestationId,
                             long checkpointLine, Instant createdAt) {
    }

    long create(long accountId, long userId, String fileName, Instant now) {
        return jdbc.sql("""
                        insert into imports (account_id, created_by, file_name, created_at)
                        values (:account, :user, :name, :now) returning id""")
                .param("account", accountId).param("user", userId).param("name", fileName).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    void recordUpload(long importId, long size, FileEncoding encoding, char delimiter) {
        jdbc.sql("update imports set file_size = :size, encoding = :encoding, delimiter = :delimiter where id = :id")
                .param("size", size).param("encoding", encoding.label()).param("delimiter", Delimiters.name(delimiter))
                .param("id", importId).update();
    }

    Optional<ImportProgress> progress(long accountId, long importId) {
        return jdbc.sql("""
                        select id, file_name, file_size, status, rows_read, created, updated, skipped, failed, list_id,
                               failure, created_at, started_at, finished_at, estimated_rows, created_by
                        from imports where account_id = :account and id = :id""")
                .param("account", accountId).param("id", importId)
                .query(ImportRepository::progressRow).optional();
    }

    List<ImportProgress> recent(long accountId, int limit) {
        return jdbc.sql("""
                        select id, file_name, file_size, status, rows_read, created, updated, skipped, failed, list_id,
                               failure, created_at, started_at, finished_at, estimated_rows, created_by
                        from imports where account_id = :account order by created_at desc, id desc limit :limit""")
                .param("account", accountId).param("limit", limit)
                .query(ImportRepository::progressRow).list();
    }

    /** The account of an import the worker runs (the worker knows imports by id only). */
    Optional<Long> accountOf(long importId) {
        return jdbc.sql("select account_id from imports where id = :id").param("id", importId).query(Long.class).optional();
    }

    void recordRowEstimate(long importId, long rows) {
        jdbc.sql("update imports set estimated_rows = :rows where id = :id").param("rows", rows).param("id", importId).update();
    }

    /** What the importer chose when starting: column target codes and options; empty before the start. */
    Optional<ImportChoices> choices(long accountId, long importId) {
        return jdbc.sql("""
                        select mapping::text as mapping, options::text as options, attestation_id from imports
                        where account_id = :account and id = :id and mapping is not null""")
                .param("account", accountId).param("id", importId)
                .query((row, n) -> new ImportChoices(ColumnMapping.ofCodes(List.of(json.readValue(row.getString("mapping"), String[].class))),
                        json.readValue(row.getString("options"), ImportOptions.class), row.getObject("attestation_id") != null))
                .optional();
    }

    record ImportChoices(ColumnMapping mapping, ImportOptions options, boolean attested) {
    }

    /** Newest first, keyset by id (ids grow with time): the imports older than {@code afterId}, if given. */
    List<ImportProgress> page(long accountId, Long afterId, int limit) {
        return jdbc.sql("""
                        select id, file_name, file_size, status, rows_read, created, updated, skipped, failed, list_id,
                               failure, created_at, started_at, finished_at, estimated_rows, created_by
                        from imports where account_id = :account and (cast(:after as bigint) is null or id < :after)
                        order by id desc limit :limit""")
                .param("account", accountId).param("after", afterId).param("limit", limit)
                .query(ImportRepository::progressRow).list();
    }

    Optional<FileEncoding> encoding(long accountId, long importId) {
        return jdbc.sql("select encoding from imports where account_id = :account and id = :id")
                .param("account", accountId).param("id", importId)
                .query((row, n) -> FileEncoding.ofLabel(row.getString(1))).optional();
    }

    Optional<Character> delimiter(long accountId, long importId) {
        return jdbc.sql("select delimiter from imports where account_id = :account and id = :id")
                .param("account", accountId).param("id", importId)
                .query((row, n) -> Delimiters.ofName(row.getString(1))).optional();
    }

    /** Moves an uploaded import to the queue with the importer's choices; false if it is not waiting for them. */
    boolean queue(long accountId, long importId, ColumnMapping mapping, ImportOptions options, long listId, Long attestationId) {
        return jdbc.sql("""
                        update imports set status = 'queued', mapping = :mapping::jsonb, options = :options::jsonb,
                               list_id = :list, attestation_id = :attestation
                        where account_id = :account and id = :id and status = 'uploaded'""")
                .param("mapping", json.writeValueAsString(mapping.codes())).param("options", json.writeValueAsString(options))
                .param("list", listId).param("attestation", attestationId)
                .param("account", accountId).param("id", importId).update() == 1;
    }

    /**
     * Claims the next import to run: a queued one, or a running one whose node gave no sign of
     * life for {@code takeoverAfter} (it crashed or lost the database). SKIP LOCKED lets every node
     * poll at once without two taking the same import.
     */
    Optional<Long> claimNext(String node, Instant now, Duration takeoverAfter) {
        return jdbc.sql("""
                        update imports set status = 'running', node = :node, heartbeat_at = :now,
                               started_at = coalesce(started_at, :now)
                        where id = (select id from imports
                                    where status = 'queued' or (status = 'running' and heartbeat_at < :stale)
                                    order by id limit 1 for update skip locked)
                        returning id""")
                .param("node", node).param("now", Timestamp.from(now)).param("stale", Timestamp.from(now.minus(takeoverAfter)))
                .query(Long.class).optional();
    }

    ImportJobSettings settings(long importId) {
        return jdbc.sql("""
                        select id, account_id, created_by, encoding, delimiter, mapping::text as mapping, options::text as options,
                               list_id, attestation_id, checkpoint_line, created_at
                        from imports where id = :id""")
                .param("id", importId)
                .query((row, n) -> new ImportJobSettings(row.getLong("id"), row.getLong("account_id"), row.getLong("created_by"),
                        FileEncoding.ofLabel(row.getString("encoding")), Delimiters.ofName(row.getString("delimiter")),
                        ColumnMapping.ofCodes(List.of(json.readValue(row.getString("mapping"), String[].class))),
                        json.readValue(row.getString("options"), ImportOptions.class), row.getLong("list_id"),
                        (Long) row.getObject("attestation_id"), row.getLong("checkpoint_line"),
                        row.getTimestamp("created_at").toInstant()))
                .single();
    }

    /** Whether the importer asked to stop, and whether this node still owns the import. */
    boolean shouldStop(long importId, String node) {
        return jdbc.sql("select cancel_requested or node is distinct from :node or status <> 'running' from imports where id = :id")
                .param("id", importId).param("node", node).query(Boolean.class).single();
    }

    boolean cancelRequested(long importId) {
        return jdbc.sql("select cancel_requested from imports where id = :id").param("id", importId).query(Boolean.class).single();
    }

    /**
     * Adds a batch's counts and moves the checkpoint, in the batch's transaction; false (and the
     * caller rolls back) if another node has taken the import over meanwhile, so a batch is never
     * merged twice.
     */
    boolean recordBatch(long importId, String node, BatchCounts counts, long checkpointLine, Instant now) {
        return jdbc.sql("""
                        update imports set rows_read = rows_read + :read, created = created + :created, updated = updated + :updated,
                               skipped = skipped + :skipped, failed = failed + :failed, checkpoint_line = :checkpoint,
                               heartbeat_at = :now
                        where id = :id and node = :node and status = 'running'""")
                .param("read", counts.read()).param("created", counts.created()).param("updated", counts.updated())
                .param("skipped", counts.skipped()).param("failed", counts.failed()).param("checkpoint", checkpointLine)
                .param("now", Timestamp.from(now)).param("id", importId).param("node", node).update() == 1;
    }

    void heartbeat(long importId, String node, Instant now) {
        jdbc.sql("update imports set heartbeat_at = :now where id = :id and node = :node and status = 'running'")
                .param("now", Timestamp.from(now)).param("id", importId).param("node", node).update();
    }

    void finish(long importId, ImportStatus status, String failure, Instant now) {
        jdbc.sql("update imports set status = :status, failure = :failure, finished_at = :now, heartbeat_at = :now where id = :id")
                .param("status", status.code()).param("failure", failure).param("now", Timestamp.from(now)).param("id", importId).update();
    }

    /** A node stopping gracefully hands its import back to the queue; the next node resumes it at once. */
    void release(long importId, String node) {
        jdbc.sql("update imports set status = 'queued', node = null where id = :id and node = :node and status = 'running'")
                .param("id", importId).param("node", node).update();
    }

    /** Cancels a queued import at once, or asks the running one to stop; false if it already finished. */
    boolean requestCancel(long accountId, long importId, Instant now) {
        int queued = jdbc.sql("""
                        update imports set status = 'cancelled', cancel_requested = true, finished_at = :now
                        where account_id = :account and id = :id and status in ('uploaded', 'queued')""")
                .param("account", accountId).param("id", importId).param("now", Timestamp.from(now)).update();
        if (queued == 1) {
            return true;
        }
        return jdbc.sql("update imports set cancel_requested = true where account_id = :account and id = :id and status = 'running'")
                .param("account", accountId).param("id", importId).update() == 1;
    }

    /** The error report as CSV (line, reason, original row), streamed. */
    void writeErrors(long accountId, long importId, Writer out) {
        jdbc.sql("""
                        select e.line, e.reason, e.row_text from import_errors e join imports i on i.id = e.import_id
                        where i.account_id = :account and e.import_id = :id order by e.line""")
                .param("account", accountId).param("id", importId)
                .query(row -> {
                    try {
                        out.write(row.getLong(1) + "," + csv(row.getString(2)) + "," + csv(row.getString(3)) + "\r\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    List<RejectedRow> errors(long accountId, long importId, int limit) {
        return jdbc.sql("""
                        select e.line, e.row_text, e.reason from import_errors e join imports i on i.id = e.import_id
                        where i.account_id = :account and e.import_id = :id order by e.line limit :limit""")
                .param("account", accountId).param("id", importId).param("limit", limit)
                .query((row, n) -> new RejectedRow(row.getLong(1), row.getString(2), row.getString(3))).list();
    }

    /** Quotes a report cell; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
    static String csv(String value) {
        String cell = value;
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    private static ImportProgress progressRow(ResultSet row, int n) throws SQLException {
        return new ImportProgress(row.getLong("id"), row.getString("file_name"), row.getLong("file_size"),
                ImportStatus.ofCode(row.getString("status")), row.getLong("rows_read"), row.getLong("created"),
                row.getLong("updated"), row.getLong("skipped"), row.getLong("failed"), (Long) row.getObject("list_id"),
                row.getString("failure"), instant(row, "created_at"), instant(row, "started_at"), instant(row, "finished_at"),
                (Long) row.getObject("estimated_rows"), row.getLong("created_by"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
