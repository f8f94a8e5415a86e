package switchboard.audience.importing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;
import switchboard.audience.ConsentAttestation;
import switchboard.audience.ConsentLedger;
import switchboard.audience.attribute.AttributeDefinition;
import switchboard.platform.live.LiveEvents;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One run of one import on this node, from its checkpoint to the end of the file (or a cancel).
 *
 * <p>Four threads form a pipeline, each a batch ahead of the next: a reader decodes, parses,
 * normalizes and deduplicates a batch and encodes it for COPY; a matcher finds, on its own
 * connection, the contacts the batch's phones and emails already belong to; this thread merges
 * it (checking those matches again, see {@link RecentContacts}) and commits; a membership writer
 * then tags it, lists it and records its consent. The queues between them hold one batch each,
 * so memory is bounded by the batch size, not the file, and the database work of one batch
 * overlaps that of the next on both cores. Each batch commits with the import's counters and
 * checkpoint in one transaction: a crash anywhere resumes after the last committed batch with
 * nothing lost or doubled.
 */
final class ImportJob {

    private static final Logger log = LoggerFactory.getLogger(ImportJob.class);
    private static final int ATTEMPTS = 3;
    private static final int FIRST_BATCH_ROWS = 5_000;
    private static final int FLUSH_BATCHES = 3;
    private static final long PROGRESS_INTERVAL_NANOS = 500_000_000L;

    record Collaborators(ImportRepository imports, ImportFileRepository files, ImportBatchRepository batches,
                         ConsentLedger ledger, TransactionTemplate transactions, Clock clock, ImportProperties properties,
                         LiveEvents live) {
    }

    /** How the run ended. */
    enum Outcome { COMPLETED, CANCELLED, LOST }

    private final Collaborators with;
    private final ImportRepository.ImportJobSettings settings;
    private final String node;
    private final String defaultCountry;
    private final Map<String, AttributeDefinition> attributes;
    private final List<Long> tagIds;
    private final RecentContacts recent = new RecentContacts();
    /** Batches committed by this run; the matcher notes it before it looks (see {@link RecentContacts}). */
    private final java.util.concurrent.atomic.AtomicLong committedBatches = new java.util.concurrent.atomic.AtomicLong();
    /** Contacts this run created, and how many there were when it last refreshed the planner's statistics. */
    private final java.util.concurrent.atomic.AtomicLong created = new java.util.concurrent.atomic.AtomicLong();
    private long createdAtLastAnalyze = FIRST_BATCH_ROWS;
    /** Contacts this run had created when the membership writer last flushed the trigram index's pending list. */
    private long createdAtLastFlush;
    /** Loaded before the reader starts, then the reader's alone. */
    private ImportKeys importKeys;
    private long lastAnnounced;

    ImportJob(Collaborators with, ImportRepository.ImportJobSettings settings, String node, String defaultCountry,
              Map<String, AttributeDefinition> attributes, List<Long> tagIds) {
        this.with = with;
        this.settings = settings;
        this.node = node;
        this.defaultCountry = defaultCountry;
        this.attributes = attributes;
        this.tagIds = tagIds;
    }

    Outcome run() throws InterruptedException {
        ConsentAttestation attestation = attestation();
        // Batches committed by an earlier run whose memberships were not written yet (a crash).
        for (long lastLine : with.batches().pendingBatches(settings.id())) {
            writeMemberships(lastLine, attestation);
        }
        importKeys = with.transactions().execute(tx -> with.batches().importKeys(settings.accountId(), settings.id()));
        BlockingQueue<Object> read = new ArrayBlockingQueue<>(1);
        BlockingQueue<Object> matched = new ArrayBlockingQueue<>(1);
        Thread reader = Thread.ofPlatform().name("import-" + settings.id() + "-reader").daemon().start(() -> read(read));
        Thread matcher = Thread.ofPlatform().name("import-" + settings.id() + "-matcher").daemon().start(() -> match(read, matched));
        MembershipWriter writer = new MembershipWriter(attestation);
        Outcome outcome = null;
        try {
            outcome = mergeAll(matched, writer, attestation);
            return outcome;
        } finally {
            reader.interrupt();
            matcher.interrupt();
            reader.join();
            matcher.join();
            // Memberships of committed batches are written before the import reports its end;
            // when it stops for a restart or another node took it over, they wait for the resume.
            writer.finish(outcome != Outcome.LOST && !Thread.currentThread().isInterrupted());
        }
    }

    private Outcome mergeAll(BlockingQueue<Object> queue, MembershipWriter writer, ConsentAttestation attestation)
            throws InterruptedException {
        while (true) {
            long waiting = System.nanoTime();
            Object next = queue.take();
            long waited = (System.nanoTime() - waiting) / 1_000_000;
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            if (next == END) {
                return Outcome.COMPLETED;
            }
            if (with.imports().shouldStop(settings.id(), node)) {
                return with.imports().cancelRequested(settings.id()) ? Outcome.CANCELLED : Outcome.LOST;
            }
            MatchedBatch matchedBatch = (MatchedBatch) next;
            PreparedBatch batch = matchedBatch.batch();
            long committing = System.nanoTime();
            Outcome stopped = commit(matchedBatch, attestation);
            if (stopped != null) {
                return stopped;
            }
            log.debug("Import {}: batch to line {}: waited {} ms for the matcher, committed in {} ms", settings.id(),
                    batch.lastLine(), waited, (System.nanoTime() - committing) / 1_000_000);
            writer.submit(batch.lastLine());
        }
    }

    private ImportBatchRepository.MergeTarget target(ConsentAttestation attestation) {
        return new ImportBatchRepository.MergeTarget(settings.accountId(), settings.id(), settings.listId(), tagIds,
                settings.options().duplicatePolicy(), attestation != null, with.clock().instant());
    }

    /**
     * Tells the account's open tabs that the counters moved, inside the batch's transaction (so
     * only committed progress is announced), at most twice a second: small batches must not
     * flood the tabs, and the progress page re-reads the counters anyway.
     */
    private void announceProgress() {
        long now = System.nanoTime();
        if (lastAnnounced == 0 || now - lastAnnounced >= PROGRESS_INTERVAL_NANOS) {
            lastAnnounced = now;
            with.live().publish(settings.accountId(), Imports.LIVE_PROGRESS, settings.id(), null);
        }
    }

    /**
     * Tags, list membership and consent entries of one committed batch, in one transaction; then,
     * every {@value #FLUSH_BATCHES} full batches' worth of new contacts, their entries go from the
     * trigram index's pending list into the index. Searches read the whole pending list, so it is
     * kept short; but each flush touches every index page of the names it holds, so flushing
     * three batches at once costs a third as often: with real address books' variety of names
     * (58,000 distinct last names in 1M rows) the import used 5 s less database CPU than with a
     * flush after every batch, and searches during the import stayed at p99 14-19 ms.
     */
    private void writeMemberships(long lastLine, ConsentAttestation attestation) {
        long started = System.nanoTime();
        with.transactions().executeWithoutResult(tx -> {
            long[] optedIn = with.batches().writeMemberships(target(attestation), lastLine);
            if (optedIn != null && attestation != null && optedIn.length > 0) {
                with.ledger().recordImportOptIns(attestation, settings.attestationId(), optedIn);
            }
        });
        long written = System.nanoTime();
        if (created.get() - createdAtLastFlush >= (long) FLUSH_BATCHES * with.properties().batchRows()) {
            createdAtLastFlush = created.get();
            with.batches().flushSearchIndex();
        }
        log.debug("Import {}: memberships of the batch to line {} written in {} ms, search index flushed in {} ms", settings.id(),
                lastLine, (written - started) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
        refreshStatisticsAsContactsDouble();
    }

    /**
     * Plans made on statistics from when the account had a few thousand contacts go badly wrong
     * at a few hundred thousand (a search during an import walked every contact, 0.4-1.1 s each),
     * and autovacuum's ANALYZE comes only after a tenth of the table changed, late for the first
     * import into a new database. So each time this run has doubled the contacts it created since
     * the last refresh, the membership writer refreshes them: about seven times for a million
     * rows, each a rough sample of 3,000 rows whatever the table's size (the import's end takes
     * the full one).
     */
    private void refreshStatisticsAsContactsDouble() {
        long now = created.get();
        if (now >= 2 * createdAtLastAnalyze) {
            createdAtLastAnalyze = now;
            long started = System.nanoTime();
            with.transactions().executeWithoutResult(tx -> with.batches().refreshRoughStatistics());
            log.debug("Import {}: statistics refreshed at {} contacts created in {} ms", settings.id(), now,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Writes memberships on a connection of its own while the next batch merges: the two halves
     * of an import's database work then use both cores. At most one batch waits for it.
     */
    private final class MembershipWriter {
        private static final long DONE = -1;
        private final BlockingQueue<Long> lines = new ArrayBlockingQueue<>(1);
        private final Thread thread;
        private volatile RuntimeException failure;

        MembershipWriter(ConsentAttestation attestation) {
            thread = Thread.ofPlatform().name("import-" + settings.id() + "-memberships").daemon().start(() -> {
                try {
                    long line;
                    while ((line = lines.take()) != DONE) {
                        writeMemberships(line, attestation);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failure = e;
                }
            });
        }

        void submit(long lastLine) throws InterruptedException {
            throwIfFailed();
            while (!lines.offer(lastLine, 1, java.util.concurrent.TimeUnit.SECONDS)) {
                throwIfFailed();
            }
        }

        void finish(boolean writeRemaining) throws InterruptedException {
            if (writeRemaining && failure == null && thread.isAlive()) {
                lines.put(DONE);
            } else {
                thread.interrupt();
            }
            thread.join();
            throwIfFailed();
        }

        private void throwIfFailed() {
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** A batch with what the matcher found, and how many batches had committed when it looked. */
    private record MatchedBatch(PreparedBatch batch, BatchMatches matches, long seenBatches) {
    }

    /**
     * Matches each batch against the account's contacts on a connection of its own, while the
     * batch before it merges. The count of committed batches is read before the match looks, so
     * every batch it counts is visible to the match; later ones come from {@link RecentContacts}.
     * A failed match only costs time: the merge then matches the batch itself.
     */
    private void match(BlockingQueue<Object> read, BlockingQueue<Object> matched) {
        try {
            while (true) {
                Object next = read.take();
                if (!(next instanceof PreparedBatch batch)) {
                    matched.put(next);
                    if (next == END || next instanceof RuntimeException) {
                        return;
                    }
                    continue;
                }
                long seen = committedBatches.get();
                BatchMatches matches;
                try {
                    matches = with.transactions().execute(tx -> with.batches().matchExisting(batch, settings.accountId()));
                } catch (RuntimeException e) {
                    log.warn("Import {}: matching the batch to line {} ahead failed, the merge matches it ({})", settings.id(),
                            batch.lastLine(), e.getMessage());
                    matches = null;
                }
                matched.put(new MatchedBatch(batch, matches, seen));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final Object END = new Object();

    private void read(BlockingQueue<Object> queue) {
        try (ContactFile file = new ContactFile(with.files().open(settings.id()), settings.encoding(), settings.delimiter())) {
            ContactRowParser parser = new ContactRowParser(settings.mapping(), file.header().size(), attributes, defaultCountry);
            DuplicatePolicy policy = settings.options().duplicatePolicy();
            // The first batches are small and each one twice the last, up to the configured size,
            // so the matcher, the merge and the membership writer start within a fraction of a
            // second instead of waiting for a whole batch to be read by a JVM not yet warm.
            int batchRows = Math.min(with.properties().batchRows(), FIRST_BATCH_ROWS);
            BatchDeduplication batch = new BatchDeduplication(policy, settings.delimiter(), batchRows);
            long rows = 0;
            long lastLine = settings.checkpointLine();
            SourceRow row;
            while ((row = next(file, batch, rows, lastLine, queue)) != null) {
                if (row.line() <= settings.checkpointLine()) {
                    continue;
                }
                try {
                    batch.add(parser.parse(row));
                } catch (RowRejectedException e) {
                    batch.reject(new RejectedRow(row.line(), row.text(settings.delimiter()), e.getMessage()));
                }
                rows++;
                lastLine = row.line();
                if (rows == batchRows) {
                    batchRows = Math.min(with.properties().batchRows(), batchRows * 2);
                    queue.put(PreparedBatch.of(batch, importKeys, settings.id(), rows, lastLine));
                    batch = new BatchDeduplication(policy, settings.delimiter(), batchRows);
                    rows = 0;
                }
            }
            if (rows > 0) {
                queue.put(PreparedBatch.of(batch, importKeys, settings.id(), rows, lastLine));
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                queue.put(e);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The next record; when the file cannot be read on (a quote that never closes), the rows read
     * before that point are still merged: they go ahead of the failure.
     */
    private SourceRow next(ContactFile file, BatchDeduplication batch, long rows, long lastLine,
                                  BlockingQueue<Object> queue) throws InterruptedException {
        try {
            return file.next();
        } catch (ContactFile.UnreadableFileException e) {
            if (rows > 0) {
                queue.put(PreparedBatch.of(batch, importKeys, settings.id(), rows, lastLine));
            }
            throw e;
        }
    }

    private ConsentAttestation attestation() {
        String text = settings.options().consentAttestation();
        return text == null ? null
                : new ConsentAttestation(settings.accountId(), settings.id(), settings.createdBy(), text, settings.createdAt());
    }

    /**
     * Merges and commits one batch (retried when a concurrent writer took a phone or email
     * first, then matching every row anew); null when committed, else why it was rolled back
     * and the run stops.
     */
    private Outcome commit(MatchedBatch matched, ConsentAttestation attestation) {
        PreparedBatch batch = matched.batch();
        for (int attempt = 1; ; attempt++) {
            KnownMatches known = attempt == 1 && matched.matches() != null
                    ? recent.known(batch.contacts(), matched.matches(), matched.seenBatches()) : null;
            try {
                Outcome outcome = with.transactions().execute(status -> {
                    ImportBatchRepository.MergeResult result = with.batches().merge(batch, target(attestation), known);
                    with.batches().recordRejected(batch.rejectedRows());
                    BatchCounts counts = counts(batch, result);
                    if (!with.imports().recordBatch(settings.id(), node, counts, batch.lastLine(), with.clock().instant())) {
                        status.setRollbackOnly();
                        return Outcome.LOST;
                    }
                    if (with.imports().cancelRequested(settings.id())) {
                        status.setRollbackOnly();
                        return Outcome.CANCELLED;
                    }
                    announceProgress();
                    created.addAndGet(result.created());
                    return null;
                });
                if (outcome == null) {
                    recent.committed(committedBatches.get() + 1, batch.contacts());
                    committedBatches.incrementAndGet();
                }
                return outcome;
            } catch (DuplicateKeyException | ConcurrencyFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("Import {}: batch ending at line {} met a concurrent change, retrying ({})", settings.id(), batch.lastLine(), e.getMessage());
            }
        }
    }

    /** Every row of the batch counted once; conflicts found by the database are reported with their rows. */
    private BatchCounts counts(PreparedBatch batch, ImportBatchRepository.MergeResult result) {
        long failed = batch.rejected().size();
        java.util.Set<Integer> conflicts = new java.util.HashSet<>(result.conflictGroups());
        List<RejectedRow> conflictRows = new java.util.ArrayList<>();
        for (int i = 0; i < result.conflictGroups().size(); i++) {
            StagedContact contact = batch.contacts().get(result.conflictGroups().get(i));
            for (ReadRow row : contact.rows) {
                conflictRows.add(new RejectedRow(row.line(), row.text(), result.conflictReasons().get(i)));
            }
        }
        with.batches().recordRejected(PreparedBatch.encode(settings.id(), conflictRows));
        failed += conflictRows.size();
        long mergedChanged = 0;
        long mergedUnchanged = 0;
        for (int g = 0; g < batch.contacts().size(); g++) {
            if (!conflicts.contains(g)) {
                mergedChanged += batch.contacts().get(g).mergedChanged;
                mergedUnchanged += batch.contacts().get(g).mergedUnchanged;
            }
        }
        return new BatchCounts(batch.rowsRead(), result.created(), result.updated() + mergedChanged,
                result.unchanged() + mergedUnchanged, failed);
    }
}
