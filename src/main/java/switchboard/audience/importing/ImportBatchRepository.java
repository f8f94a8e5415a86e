package switchboard.audience.importing;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Merges one prepared batch into contacts, tags and list, set-based: the batch is COPied into a
 * temporary table, matched against existing contacts by phone and by email in one join, and
 * merged in a few statements (new contacts with their tags and list membership in one statement,
 * existing ones by the duplicate policy). Runs inside the caller's transaction.
 */
@Repository
class ImportBatchRepository {

    private static final Logger log = LoggerFactory.getLogger(ImportBatchRepository.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ImportBatchRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The outcome of one batch: counts by contact and the conflicts found by the database. */
    record MergeResult(long created, long updated, long unchanged, List<Integer> conflictGroups, List<String> conflictReasons) {
    }

    record MergeTarget(long accountId, long importId, long listId, List<Long> tagIds, DuplicatePolicy policy,
                       boolean consentAttested, Instant now) {
    }

    /**
     * Finds the contacts a batch's rows already match by phone and by email, on a connection of
     * its own while the previous batch merges (see {@link ImportJob}): the index probes were a
     * third of the merge's time. What it finds is as of its snapshot; {@link #merge} checks each
     * match again and takes later changes from {@link KnownMatches}. In the caller's transaction.
     */
    BatchMatches matchExisting(PreparedBatch batch, long accountId) {
        if (batch.keyRows().length == 0) {
            return new BatchMatches(batch.contacts().size());
        }
        jdbc.sql("create temp table import_keys (g int not null, phone text collate \"C\", email text) on commit drop").update();
        copy("copy import_keys from stdin", batch.keyRows());
        // Probing the unique indexes row by row, as in probeIndexes.
        probeOnly();
        BatchMatches matches = new BatchMatches(batch.contacts().size());
        jdbc.sql("""
                        select k.g, p.id, e.id
                        from import_keys k
                        left join contacts p on p.account_id = :account and p.phone = k.phone
                        left join contacts e on e.account_id = :account and e.email_key = lower(k.email)
                        where p.id is not null or e.id is not null""")
                .param("account", accountId)
                .query(row -> {
                    matches.put(row.getInt(1), row.getLong(2), row.getLong(3));
                });
        return matches;
    }

    /**
     * The phones and emails the account's contacts hold now, in a filter sized for them and the
     * import's file (see {@link ImportKeys}); read a few thousand rows at a time, since an account
     * may hold millions. In the caller's transaction, whose snapshot the filter then reflects.
     */
    ImportKeys importKeys(long accountId, long importId) {
        long stored = jdbc.sql("select count(*) from contacts where account_id = :account")
                .param("account", accountId).query(Long.class).single();
        long fileRows = jdbc.sql("select coalesce(estimated_rows, 0) from imports where id = :id")
                .param("id", importId).query(Long.class).single();
        ImportKeys keys = new ImportKeys(2 * (stored + fileRows));
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(10_000);
        streaming.query("select phone, email_key from contacts where account_id = ?",
                (RowCallbackHandler) row -> keys.addStored(row.getString(1), row.getString(2)), accountId);
        return keys;
    }

    /**
     * Merges a batch's contacts and leaves their memberships pending (see
     * {@link #writeMemberships}); in the caller's transaction, which commits the batch. With
     * known matches (found ahead by {@link #matchExisting}) only those are checked again; without,
     * every row probes the indexes here.
     */
    MergeResult merge(PreparedBatch batch, MergeTarget target, KnownMatches known) {
        Steps steps = new Steps();
        asynchronousCommit();
        // The trigram index takes the batch's entries into its pending list (one cheap append per
        // contact) and the membership writer moves them into the index proper, in one sorted
        // pass every few batches on its own connection (flushSearchIndex). The limit is only a safety net
        // should the writer fall behind: past it, this connection flushes the list itself.
        jdbc.sql("set local gin_pending_list_limit = '256MB'").update();
        jdbc.sql("set local work_mem = '64MB'").update();
        stage(batch);
        steps.done("stage");
        if (known == null) {
            probeIndexes(target.accountId());
        } else {
            checkKnownMatches(known, target.accountId());
        }
        steps.done(known == null ? "match" : "check matches");

        List<Integer> conflictGroups = new ArrayList<>();
        List<String> conflictReasons = new ArrayList<>();
        jdbc.sql("select g, phone_contact, email_contact from import_matches where phone_contact <> email_contact order by g")
                .query(row -> {
                    conflictGroups.add(row.getInt(1));
                    conflictReasons.add("Conflict: the phone belongs to contact #" + row.getLong(2) + " and the email to contact #"
                            + row.getLong(3) + " (different contacts); not merged");
                });

        long matched = jdbc.sql("""
                create temp table import_targets on commit drop as
                select coalesce(phone_contact, email_contact) as contact_id, g, line, phone, email, first_name, last_name, company, attributes,
                       row_number() over (partition by coalesce(phone_contact, email_contact) order by line) as round
                from import_matches
                where coalesce(phone_contact, email_contact) is not null
                  and (phone_contact is null or email_contact is null or phone_contact = email_contact)""").update();
        long updated = matched == 0 ? 0 : updateExisting(target);
        List<Long> optedIn = target.consentAttested() && matched > 0 ? optInExisting(target) : List.of();
        steps.done("update");
        long created = insertNew(target, batch.lastLine(), optedIn);
        steps.done("insert");
        log.debug("Import {}: merged {} contacts: {}", target.importId(), batch.contacts().size(), steps);
        return new MergeResult(created, updated, matched - updated, conflictGroups, conflictReasons);
    }

    private void stage(PreparedBatch batch) {
        jdbc.sql("""
                create temp table import_rows (
                    g int not null, line bigint not null, phone text collate "C", email text, first_name text, last_name text,
                    company text, attributes jsonb
                ) on commit drop""").update();
        // No ANALYZE: a never-analyzed table is estimated from its actual size at planning time.
        copy("copy import_rows from stdin", batch.stagingRows());
    }

    /**
     * The match must probe the unique indexes, whatever the planner's statistics say: with its
     * default costs it hashed the account's whole contacts table instead, twice per batch, slower
     * with every batch; and on statistics taken while the table was nearly empty it materialized
     * the account's contacts and scanned them once per row (17 s for a batch of 10,000 rows).
     * Without hash joins, merge joins and materializing, a probe per row is the cheapest plan left.
     */
    private void probeOnly() {
        jdbc.sql("set local enable_hashjoin = off").update();
        jdbc.sql("set local enable_mergejoin = off").update();
        jdbc.sql("set local enable_material = off").update();
    }

    /** Every staged row probes the unique phone and email indexes; import_matches holds the rows that matched. */
    private void probeIndexes(long accountId) {
        probeOnly();
        jdbc.sql("""
                create temp table import_matches on commit drop as
                select s.*, p.id as phone_contact, e.id as email_contact
                from import_rows s
                left join contacts p on p.account_id = :account and p.phone = s.phone
                left join contacts e on e.account_id = :account and e.email_key = lower(s.email)
                where p.id is not null or e.id is not null""")
                .param("account", accountId).update();
        jdbc.sql("set local enable_hashjoin = on").update();
        jdbc.sql("set local enable_mergejoin = on").update();
        jdbc.sql("set local enable_material = on").update();
    }

    /**
     * Rows with a known match keep it only if the contact still holds that phone or email (a
     * concurrent edit may have changed it; a key taken meanwhile by another writer makes the
     * insert fail on the unique index, and the batch is retried with {@link #probeIndexes}).
     * Rows whose phone or email a batch merged since the match looked are probed here.
     * import_matches holds only these rows (most of a batch is new: copying every row into it was
     * a tenth of the merge).
     */
    private void checkKnownMatches(KnownMatches known, long accountId) {
        jdbc.sql("""
                create temp table import_known (
                    g int not null, phone_contact bigint, email_contact bigint, probe_phone boolean not null, probe_email boolean not null
                ) on commit drop""").update();
        copy("copy import_known from stdin", known.copyRows());
        // Each check reads contacts by an index, whatever the statistics say (see probeOnly).
        jdbc.sql("set local enable_material = off").update();
        jdbc.sql("""
                create temp table import_matches on commit drop as
                select s.*,
                       case when k.probe_phone then
                           (select c.id from contacts c where c.account_id = :account and c.phone = s.phone)
                            when k.phone_contact is not null then
                           (select c.id from contacts c where c.account_id = :account and c.id = k.phone_contact and c.phone = s.phone)
                       end as phone_contact,
                       case when k.probe_email then
                           (select c.id from contacts c where c.account_id = :account and c.email_key = lower(s.email))
                            when k.email_contact is not null then
                           (select c.id from contacts c where c.account_id = :account and c.id = k.email_contact and c.email_key = lower(s.email))
                       end as email_contact
                from import_rows s join import_known k on k.g = s.g""")
                .param("account", accountId).update();
        jdbc.sql("set local enable_material = on").update();
    }

    /**
     * New contacts in one statement, which also leaves the batch's contact ids pending for their
     * memberships; returns how many were created.
     */
    private long insertNew(MergeTarget target, long lastLine, List<Long> optedInExisting) {
        return jdbc.sql("""
                        with inserted as (
                            insert into contacts (account_id, first_name, last_name, phone, email, company, attributes,
                                                  consent_status, source, source_import_id, created_at, updated_at)
                            select :account, first_name, last_name, phone, email, company, coalesce(attributes, '{}'::jsonb),
                                   :consent, 'import', :import, :now, :now
                            from import_rows s
                            where not exists (select 1 from import_matches m
                                              where m.g = s.g and (m.phone_contact is not null or m.email_contact is not null))
                            order by line
                            returning id)
                        insert into import_pending_memberships (import_id, last_line, new_contacts, existing_contacts, opted_in_existing)
                        select :import, :line, array(select id from inserted), array(select distinct contact_id from import_targets),
                               cast(:optedIn as bigint[])
                        returning cardinality(new_contacts)""")
                .param("account", target.accountId()).param("import", target.importId()).param("line", lastLine)
                .param("consent", target.consentAttested() ? "opted_in" : "unknown")
                .param("now", Timestamp.from(target.now())).param("optedIn", arrayLiteral(optedInExisting))
                .query(Long.class).single();
    }

    private List<Long> optInExisting(MergeTarget target) {
        return jdbc.sql("""
                        update contacts c set consent_status = 'opted_in', updated_at = :now
                        from (select distinct contact_id from import_targets) t
                        where c.account_id = :account and c.id = t.contact_id and c.consent_status = 'unknown'
                        returning c.id""")
                .param("account", target.accountId()).param("now", Timestamp.from(target.now()))
                .query(Long.class).list();
    }

    /**
     * Applies the policy to matched contacts. Two contacts of the batch may match the same stored
     * contact (one by phone, one by email); they are applied in file order, one round each,
     * because one statement may change a row only once.
     */
    private long updateExisting(MergeTarget target) {
        if (target.policy() == DuplicatePolicy.SKIP) {
            return 0;
        }
        boolean overwrite = target.policy() == DuplicatePolicy.OVERWRITE;
        String first = overwrite ? "coalesce(t.first_name, c.first_name)" : "coalesce(c.first_name, t.first_name)";
        String last = overwrite ? "coalesce(t.last_name, c.last_name)" : "coalesce(c.last_name, t.last_name)";
        String company = overwrite ? "coalesce(t.company, c.company)" : "coalesce(c.company, t.company)";
        String phone = overwrite ? "coalesce(t.phone, c.phone)" : "coalesce(c.phone, t.phone)";
        // An email differing only in case is the same email: keep the stored spelling.
        String email = overwrite ? "case when lower(t.email) = c.email_key then c.email else coalesce(t.email, c.email) end"
                : "coalesce(c.email, t.email)";
        String attributes = overwrite ? "c.attributes || coalesce(t.attributes, '{}'::jsonb)" : "coalesce(t.attributes, '{}'::jsonb) || c.attributes";
        String sql = """
                update contacts c set first_name = %1$s, last_name = %2$s, company = %3$s, phone = %4$s, email = %5$s,
                                      attributes = %6$s, updated_at = :now
                from import_targets t
                where c.account_id = :account and c.id = t.contact_id and t.round = :round
                  and (%1$s, %2$s, %3$s, %4$s, %5$s, %6$s)
                      is distinct from (c.first_name, c.last_name, c.company, c.phone, c.email, c.attributes)"""
                .formatted(first, last, company, phone, email, attributes);
        long rounds = jdbc.sql("select coalesce(max(round), 0) from import_targets").query(Long.class).single();
        long updated = 0;
        for (long round = 1; round <= rounds; round++) {
            updated += jdbc.sql(sql).param("account", target.accountId()).param("now", Timestamp.from(target.now()))
                    .param("round", round).update();
        }
        return updated;
    }

    /** The batches of an import whose memberships are still to be written (after a crash), in file order. */
    List<Long> pendingBatches(long importId) {
        return jdbc.sql("select last_line from import_pending_memberships where import_id = :import order by last_line")
                .param("import", importId).query(Long.class).list();
    }

    /**
     * Tags the batch's contacts, adds them to the list and returns the ids whose consent the
     * import recorded (new ones when attested, and existing ones it moved from unknown), then
     * drops the pending row; in the caller's transaction, so all of it happens exactly once.
     * Null when the batch was already written.
     */
    long[] writeMemberships(MergeTarget target, long lastLine) {
        asynchronousCommit();
        var pending = jdbc.sql("""
                        select new_contacts, opted_in_existing from import_pending_memberships
                        where import_id = :import and last_line = :line for update""")
                .param("import", target.importId()).param("line", lastLine)
                .query((row, n) -> new long[][]{longs(row.getArray(1)), longs(row.getArray(2))}).optional();
        if (pending.isEmpty()) {
            return null;
        }
        // A tag or the list deleted while the import runs is left out rather than failing the
        // import; the KEY SHARE lock keeps the others from being deleted until this commits.
        String tags = arrayLiteral(jdbc.sql("""
                        select id from tags where account_id = :account and id = any(cast(:tags as bigint[])) order by id for key share""")
                .param("account", target.accountId()).param("tags", arrayLiteral(target.tagIds())).query(Long.class).list());
        boolean listExists = jdbc.sql("select id from lists where account_id = :account and id = :list for key share")
                .param("account", target.accountId()).param("list", target.listId()).query(Long.class).optional().isPresent();
        String from = """
                from import_pending_memberships p cross join unnest(p.%s) as c(id) cross join unnest(cast(:tags as bigint[])) as t(id)
                where p.import_id = :import and p.last_line = :line""";
        // New contacts cannot be on the list or tagged yet: plain inserts. Existing ones may be.
        jdbc.sql("insert into contact_tags (account_id, tag_id, contact_id) select :account, t.id, c.id " + from.formatted("new_contacts"))
                .param("account", target.accountId()).param("tags", tags).param("import", target.importId()).param("line", lastLine)
                .update();
        jdbc.sql("insert into contact_tags (account_id, tag_id, contact_id) select distinct :account, t.id, c.id "
                        + from.formatted("existing_contacts") + " on conflict do nothing")
                .param("account", target.accountId()).param("tags", tags).param("import", target.importId()).param("line", lastLine)
                .update();
        if (listExists) {
            String members = """
                    from import_pending_memberships p cross join unnest(p.%s) as c(id)
                    where p.import_id = :import and p.last_line = :line""";
            jdbc.sql("insert into list_members (account_id, list_id, contact_id, added_at) select :account, :list, c.id, :now "
                            + members.formatted("new_contacts"))
                    .param("account", target.accountId()).param("list", target.listId()).param("now", Timestamp.from(target.now()))
                    .param("import", target.importId()).param("line", lastLine).update();
            jdbc.sql("insert into list_members (account_id, list_id, contact_id, added_at) select distinct :account, :list, c.id, cast(:now as timestamptz) "
                            + members.formatted("existing_contacts") + " on conflict do nothing")
                    .param("account", target.accountId()).param("list", target.listId()).param("now", Timestamp.from(target.now()))
                    .param("import", target.importId()).param("line", lastLine).update();
        }
        jdbc.sql("delete from import_pending_memberships where import_id = :import and last_line = :line")
                .param("import", target.importId()).param("line", lastLine).update();
        long[] created = pending.get()[0];
        long[] existing = pending.get()[1];
        if (!target.consentAttested()) {
            return new long[0];
        }
        long[] optedIn = java.util.Arrays.copyOf(created, created.length + existing.length);
        System.arraycopy(existing, 0, optedIn, created.length, existing.length);
        return optedIn;
    }

    /**
     * A batch's commit does not wait for its WAL to reach the disk (a batch writes about 100 MB of
     * it). Safe here: a crash can only lose the newest commits, whole and in order, and with them
     * the checkpoint or pending row that says they happened, so the resumed import redoes exactly
     * those. The import's last commit (its status) waits as usual, and makes all before it durable.
     */
    private void asynchronousCommit() {
        jdbc.sql("set local synchronous_commit = off").update();
    }

    private static long[] longs(java.sql.Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = ((Number) values[i]).longValue();
        }
        return longs;
    }

    /** Rejected rows go into the error report (COPY: there may be many). */
    void recordRejected(byte[] rows) {
        if (rows.length > 0) {
            copy("copy import_errors (import_id, line, row_text, reason) from stdin", rows);
        }
    }

    void refreshStatistics() {
        jdbc.sql("analyze contacts, contact_tags, list_members").update();
    }

    /**
     * The planner's statistics while an import grows the tables: row counts right, distributions
     * from a 3,000-row sample instead of 30,000 (a tenth of the cost, several times per import);
     * {@link #makeSearchable} takes the full sample at the end. In the caller's transaction.
     */
    void refreshRoughStatistics() {
        jdbc.sql("set local default_statistics_target = 10").update();
        refreshStatistics();
    }

    /**
     * Moves the trigram index's pending entries into the index proper (searches read the whole
     * pending list, so it is kept to a few batches). Outside any transaction: it is physical
     * work on the index, and other writers' entries are taken along.
     */
    void flushSearchIndex() {
        jdbc.sql("select gin_clean_pending_list('contacts_search_idx'::regclass)").query(Long.class).single();
    }

    /**
     * Makes imported rows searchable at full speed: moves the trigram index's pending list into
     * the index proper, and refreshes the planner's statistics after a large import (autovacuum
     * would, but only a while later, and searches planned on stale counts pick slow plans).
     */
    void makeSearchable(boolean manyRows) {
        flushSearchIndex();
        if (manyRows) {
            refreshStatistics();
        }
    }

    private void copy(String sql, byte[] rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                copy.writeToCopy(rows, 0, rows.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Milliseconds per step of a merge, for the debug log (docs/performance.md profiles with it). */
    private static final class Steps {
        private final StringBuilder text = new StringBuilder();
        private long last = System.nanoTime();

        void done(String step) {
            long now = System.nanoTime();
            text.append(step).append(' ').append((now - last) / 1_000_000).append(" ms, ");
            last = now;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private static String arrayLiteral(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
