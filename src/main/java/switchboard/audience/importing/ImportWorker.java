package switchboard.audience.importing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import switchboard.accounts.Accounts;
import switchboard.accounts.AccountView;
import switchboard.audience.ConsentLedger;
import switchboard.audience.ContactsImported;
import switchboard.audience.attribute.AttributeDefinition;
import switchboard.audience.attribute.AttributeDefinitionRepository;
import switchboard.audience.contact.Contacts;
import switchboard.audience.list.ListRepository;
import switchboard.audience.tag.TagRepository;
import switchboard.platform.live.LiveEvents;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs imports in the background on every node: claims a queued import (or one whose node
 * stopped sending heartbeats: it crashed) and runs it, one at a time per node, so several nodes
 * share the queue through the database. A node stopping gracefully hands its import back to the
 * queue; after a crash another node (or this one on restart) resumes it once its heartbeat is
 * older than {@code switchboard.imports.takeover-after}.
 */
@Component
class ImportWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);
    private static final long IDLE = 0;

    private final ImportJob.Collaborators with;
    private final Accounts accounts;
    private final AttributeDefinitionRepository attributeDefinitions;
    private final TagRepository tags;
    private final ListRepository lists;
    private final ApplicationEventPublisher events;
    private final String node = "node-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong running = new AtomicLong(IDLE);
    private volatile ScheduledExecutorService scheduler;
    private volatile ExecutorService runner;
    private volatile Thread runnerThread;

    ImportWorker(ImportRepository imports, ImportFileRepository files, ImportBatchRepository batches, ConsentLedger ledger,
                 TransactionTemplate transactions, Clock clock, ImportProperties properties, Accounts accounts,
                 AttributeDefinitionRepository attributeDefinitions, TagRepository tags, ListRepository lists, ApplicationEventPublisher events,
                 LiveEvents live) {
        this.with = new ImportJob.Collaborators(imports, files, batches, ledger, transactions, clock, properties, live);
        this.accounts = accounts;
        this.attributeDefinitions = attributeDefinitions;
        this.tags = tags;
        this.lists = lists;
        this.events = events;
    }

    /** Looks for work now rather than at the next poll (an import was just queued on this node). */
    void nudge() {
        ScheduledExecutorService current = scheduler;
        if (current != null) {
            current.execute(this::claimAndRun);
        }
    }

    @Override
    public void start() {
        runner = Executors.newSingleThreadExecutor(task -> runnerThread = Thread.ofPlatform().name("import-runner").daemon().unstarted(task));
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("import-poller").daemon().factory());
        long poll = with.properties().pollInterval().toMillis();
        long beat = with.properties().heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::claimAndRun, 0, poll, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    }

    private void claimAndRun() {
        try {
            if (running.get() != IDLE) {
                return;
            }
            with.imports().claimNext(node, with.clock().instant(), with.properties().takeoverAfter()).ifPresent(id -> {
                running.set(id);
                runner.execute(() -> runClaimed(id));
            });
        } catch (RuntimeException e) {
            log.warn("Could not look for queued imports: {}", e.getMessage());
        }
    }

    private void heartbeat() {
        long id = running.get();
        if (id != IDLE) {
            try {
                with.imports().heartbeat(id, node, with.clock().instant());
            } catch (RuntimeException e) {
                log.warn("Import {}: heartbeat failed: {}", id, e.getMessage());
            }
        }
    }

    private void runClaimed(long importId) {
        try {
            ImportRepository.ImportJobSettings settings = with.imports().settings(importId);
            log.info("Import {} of account {}: running on {} from line {}", importId, settings.accountId(), node, settings.checkpointLine());
            ImportJob.Outcome outcome = job(settings).run();
            switch (outcome) {
                case COMPLETED -> finish(settings, ImportStatus.COMPLETED, null);
                case CANCELLED -> finish(settings, ImportStatus.CANCELLED, null);
                case LOST -> log.warn("Import {}: another node took it over; stopping here", importId);
            }
        } catch (InterruptedException e) {
            with.imports().release(importId, node);
            Thread.currentThread().interrupt();
        } catch (ContactFile.UnreadableFileException e) {
            fail(importId, "The file cannot be read on: " + e.getMessage() + ". Rows before that point were imported.");
        } catch (RuntimeException e) {
            log.error("Import {} failed", importId, e);
            fail(importId, "The import stopped: " + e.getMessage() + ". Rows before that point were imported.");
        } finally {
            running.set(IDLE);
        }
        nudge();
    }

    private ImportJob job(ImportRepository.ImportJobSettings settings) {
        String country = accounts.account(settings.accountId()).map(AccountView::defaultCountry).orElse("US");
        Map<String, AttributeDefinition> attributes = attributeDefinitions.all(settings.accountId()).stream()
                .collect(Collectors.toMap(AttributeDefinition::key, Function.identity()));
        // The chosen tags, and the tags of the list the contacts join (a tagged list gives its tags to every member).
        Set<Long> tagIds = new LinkedHashSet<>(tags.findOrCreate(settings.accountId(), settings.options().tags()));
        tagIds.addAll(lists.tagIds(settings.accountId(), settings.listId()));
        return new ImportJob(with, settings, node, country, attributes, List.copyOf(tagIds));
    }

    private void finish(ImportRepository.ImportJobSettings settings, ImportStatus status, String failure) {
        with.batches().makeSearchable(with.imports().progress(settings.accountId(), settings.id())
                .map(p -> p.created() + p.updated() > 10_000).orElse(false));
        with.transactions().executeWithoutResult(tx -> {
            with.imports().finish(settings.id(), status, failure, with.clock().instant());
            with.files().delete(settings.id());
            ImportProgress p = with.imports().progress(settings.accountId(), settings.id()).orElseThrow();
            events.publishEvent(new ContactsImported(settings.accountId(), settings.id(), settings.listId(), status.code(),
                    p.rowsRead(), p.created(), p.updated(), p.skipped(), p.failed()));
            with.live().publish(settings.accountId(), Imports.LIVE_PROGRESS, settings.id(), Imports.summary(p));
            // Counts on the contacts, tags, lists and segments pages changed with the import.
            with.live().publish(settings.accountId(), Contacts.LIVE_TYPE, settings.listId(), null);
        });
        log.info("Import {}: {}", settings.id(), status.code());
    }

    private void fail(long importId, String failure) {
        try {
            with.transactions().executeWithoutResult(tx -> {
                with.imports().finish(importId, ImportStatus.FAILED, failure, with.clock().instant());
                with.files().delete(importId);
                with.imports().accountOf(importId).ifPresent(accountId -> with.live().publish(accountId, Imports.LIVE_PROGRESS, importId,
                        "An import stopped with an error"));
            });
        } catch (RuntimeException e) {
            log.error("Import {}: could not record the failure; another node will resume it", importId, e);
        }
    }

    /** Graceful stop: interrupt the run, which rolls back its open batch and requeues the import. */
    @Override
    public void stop() {
        ScheduledExecutorService currentScheduler = scheduler;
        ExecutorService currentRunner = runner;
        scheduler = null;
        if (currentScheduler != null) {
            currentScheduler.shutdownNow();
        }
        if (currentRunner != null) {
            currentRunner.shutdownNow();
            try {
                if (!currentRunner.awaitTermination(30, TimeUnit.SECONDS)) {
                    log.warn("Import runner did not stop in time; its import resumes after the takeover delay");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Before the connection pool closes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    String node() {
        return node;
    }
}
