package switchboard.audience.importing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import switchboard.audience.ConsentAttestation;
import switchboard.audience.ConsentLedger;
import switchboard.audience.attribute.AttributeDefinition;
import switchboard.audience.attribute.AttributeDefinitionRepository;
import switchboard.audience.list.ListRepository;
import switchboard.platform.live.LiveEvents;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.NotFoundException;

import java.io.InputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contact imports as the wizard (and the API) uses them: upload a file, preview it with the
 * detected mapping, start it with the importer's choices, follow its progress, cancel it,
 * download the rejected rows. The import itself runs in the background ({@link ImportWorker}).
 * Every method takes the account from the caller's principal; another account's import is "not found".
 */
@Service
public class Imports {

    /** The live event an import's progress page refreshes on (subject: the import's id). */
    public static final String LIVE_PROGRESS = "import.progress";

    private static final int PREVIEW_ROWS = 10;

    private final ImportRepository imports;
    private final ImportFileRepository files;
    private final ListRepository lists;
    private final AttributeDefinitionRepository attributes;
    private final ConsentLedger ledger;
    private final ImportWorker worker;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final LiveEvents live;

    Imports(ImportRepository imports, ImportFileRepository files, ListRepository lists, AttributeDefinitionRepository attributes,
            ConsentLedger ledger, ImportWorker worker, TransactionTemplate transactions, Clock clock, LiveEvents live) {
        this.live = live;
        this.imports = imports;
        this.files = files;
        this.lists = lists;
        this.attributes = attributes;
        this.ledger = ledger;
        this.worker = worker;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Stores the uploaded file (streamed into the database) and detects its encoding and delimiter. */
    public long upload(long accountId, long userId, String fileName, InputStream content) {
        String name = fileName == null || fileName.isBlank() ? "contacts.csv" : fileName.strip();
        String shortName = name.length() > 255 ? name.substring(name.length() - 255) : name;
        return transactions.execute(tx -> {
            long importId = imports.create(accountId, userId, shortName, clock.instant());
            LineCountingInputStream counted = new LineCountingInputStream(content);
            ImportFileRepository.StoredFile stored = files.store(importId, counted);
            if (stored.size() == 0) {
                throw new FieldError("file", "The file is empty");
            }
            FileEncoding encoding = FileEncoding.detect(stored.head(), stored.headLength(), stored.validUtf8());
            char delimiter = Delimiters.detect(sample(stored, encoding));
            imports.recordUpload(importId, stored.size(), encoding, delimiter);
            imports.recordRowEstimate(importId, counted.rowsAfterHeader());
            return importId;
        });
    }

    private static String sample(ImportFileRepository.StoredFile stored, FileEncoding encoding) {
        ByteBuffer bytes = ByteBuffer.wrap(stored.head(), encoding.bomLength(), stored.headLength() - encoding.bomLength());
        try {
            return encoding.charset().newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(bytes).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("A replacing decoder does not fail", e);
        }
    }

    public ImportPreview preview(long accountId, long importId) {
        ImportProgress progress = find(accountId, importId);
        FileEncoding encoding = imports.encoding(accountId, importId).orElseThrow();
        char delimiter = imports.delimiter(accountId, importId).orElseThrow();
        try (ContactFile file = new ContactFile(files.open(importId), encoding, delimiter)) {
            List<List<String>> rows = new ArrayList<>();
            SourceRow row;
            while (rows.size() < PREVIEW_ROWS && (row = file.next()) != null) {
                rows.add(List.of(row.fields()));
            }
            return new ImportPreview(importId, progress.fileName(), encoding.label(), Delimiters.name(delimiter), file.header(), rows,
                    ColumnMapping.detect(file.header(), attributesByHeader(accountId)));
        }
    }

    private Map<String, String> attributesByHeader(long accountId) {
        Map<String, String> byHeader = new HashMap<>();
        for (AttributeDefinition definition : attributes.all(accountId)) {
            byHeader.put(ContactField.normalizedHeader(definition.label()), definition.key());
            byHeader.put(ContactField.normalizedHeader(definition.key()), definition.key());
        }
        return byHeader;
    }

    /**
     * Queues the import with the importer's choices: creates the list if new and records the
     * consent attestation in the ledger once; then any node's worker runs it.
     */
    public void start(long accountId, long importId, long userId, ColumnMapping mapping, ImportOptions options) {
        find(accountId, importId);
        mapping.requireUsable();
        options.requireValid();
        var known = attributes.all(accountId).stream().map(AttributeDefinition::key).toList();
        for (ColumnTarget target : mapping.columns()) {
            if (target instanceof ColumnTarget.Attribute(String key) && !known.contains(key)) {
                throw new FieldError("mapping", "There is no custom attribute '" + key + "'; create it first");
            }
        }
        boolean queued = transactions.execute(tx -> {
            long listId = lists.findOrCreate(accountId, options.listName());
            Long attestationId = options.consentAttestation() == null ? null
                    : ledger.recordAttestation(new ConsentAttestation(accountId, importId, userId, options.consentAttestation(), clock.instant()));
            boolean done = imports.queue(accountId, importId, mapping, options, listId, attestationId);
            if (done) {
                live.publish(accountId, LIVE_PROGRESS, importId, null);
            }
            return done;
        });
        if (!queued) {
            throw new FieldError("import", "This import has already been started");
        }
        worker.nudge();
    }

    public ImportProgress progress(long accountId, long importId) {
        return find(accountId, importId);
    }

    /** A page of the account's imports, newest first, after the import {@code afterId} (keyset). */
    public List<ImportProgress> page(long accountId, Long afterId, int limit) {
        return imports.page(accountId, afterId, limit);
    }

    /** The mapping and options the import was started with; empty while it waits for them. */
    Optional<ImportRepository.ImportChoices> choices(long accountId, long importId) {
        find(accountId, importId);
        return imports.choices(accountId, importId);
    }

    public List<ImportProgress> recent(long accountId) {
        return imports.recent(accountId, 20);
    }

    /** Stops the import after the batch in progress (rolled back if not yet committed); what was imported stays. */
    public void cancel(long accountId, long importId) {
        find(accountId, importId);
        transactions.executeWithoutResult(tx -> {
            if (imports.requestCancel(accountId, importId, clock.instant())) {
                live.publish(accountId, LIVE_PROGRESS, importId, null);
            }
        });
    }

    /** The rejected rows as CSV: line, reason, the row as read. */
    public void writeErrorReport(long accountId, long importId, Writer out) {
        find(accountId, importId);
        try {
            out.write("line,reason,row\r\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        imports.writeErrors(accountId, importId, out);
    }

    public List<RejectedRow> errors(long accountId, long importId, int limit) {
        find(accountId, importId);
        return imports.errors(accountId, importId, limit);
    }

    /** One sentence for the activity log and the summary: "Import of leads.csv completed: 3 created, 1 updated, ...". */
    public static String summary(ImportProgress p) {
        String name = p.fileName().length() > 100 ? p.fileName().substring(0, 100) + "…" : p.fileName();
        return "Import of " + name + " " + switch (p.status()) {
            case COMPLETED -> "completed";
            case CANCELLED -> "was cancelled";
            case FAILED -> "stopped with an error";
            default -> p.status().code();
        } + String.format(java.util.Locale.ROOT, ": %,d created, %,d updated, %,d skipped, %,d failed",
                p.created(), p.updated(), p.skipped(), p.failed());
    }

    private ImportProgress find(long accountId, long importId) {
        return imports.progress(accountId, importId).orElseThrow(() -> new NotFoundException("Import " + importId));
    }
}
