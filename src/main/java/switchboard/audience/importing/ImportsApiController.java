package switchboard.audience.importing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import switchboard.accounts.Member;
import switchboard.platform.web.ApiController;
import switchboard.platform.web.FieldError;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * /api/v1/imports: the import wizard for programs. Upload a file (the answer is its preview with
 * the detected mapping), start it with a mapping and options, poll it until it finishes, fetch
 * the rejected rows as CSV.
 */
@ApiController("/api/v1/imports")
@Tag(name = "Imports", description = "Contact imports from CSV or TSV files: upload, preview, start, progress, cancel, error report.")
class ImportsApiController {

    private static final int MAX_LIMIT = 500;

    private final Imports imports;

    ImportsApiController(Imports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "uploadImport", summary = "Upload a CSV or TSV file to import",
            description = "Multipart form data with the file in the part 'file'. Answers 201 with the import, the detected "
                    + "encoding and delimiter, the first rows and the mapping detected from the header; start it next. "
                    + "An empty file or a missing part answers 400 naming 'file'; a file over the upload limit (1 GB unless the server "
                    + "sets spring.servlet.multipart.max-file-size) answers 413 naming 'file', with the limit in maxBytes.")
    ResponseEntity<ImportResponse> upload(@AuthenticationPrincipal Member member,
                                          @Parameter(description = "The CSV or TSV file") @RequestParam(name = "file", required = false)
                                          MultipartFile file) {
        if (file == null) {
            throw new FieldError("file", "Send the file as multipart form data in the part 'file'");
        }
        long importId;
        try (InputStream content = file.getInputStream()) {
            importId = imports.upload(member.accountId(), member.userId(), file.getOriginalFilename(), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(importId).toUri();
        return ResponseEntity.created(location).body(response(member, importId));
    }

    @GetMapping
    @Operation(operationId = "listImports", summary = "The account's imports, newest first",
            description = "Pages of ?limit= (1 to 500, default 50) imports; pass the answer's 'next' as ?after= for the next page.")
    ImportPage list(@AuthenticationPrincipal Member member, @RequestParam(defaultValue = "50") int limit,
                    @RequestParam(required = false) Long after) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new FieldError("limit", "limit is 1 to " + MAX_LIMIT);
        }
        List<ImportProgress> page = imports.page(member.accountId(), after, limit + 1);
        List<ImportSummary> items = page.stream().limit(limit).map(ImportSummary::of).toList();
        String next = page.size() > limit ? String.valueOf(items.getLast().id()) : null;
        return new ImportPage(items, next);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getImport", summary = "One import: status, counts, and its preview or the choices it was started with",
            description = "Poll this until status is completed, cancelled or failed. An import of another account answers 404.")
    ImportResponse get(@AuthenticationPrincipal Member member, @PathVariable long id) {
        return response(member, id);
    }

    @PostMapping("/{id}/start")
    @Operation(operationId = "startImport", summary = "Start an uploaded import with a column mapping and options",
            description = "mapping has one target per column, in order: 'ignore', 'field:<first_name|last_name|full_name|phone|email|company>' "
                    + "or 'attribute:<key>' of a custom attribute. A column must hold the phone or the email. The contacts go to the "
                    + "list listName (created if new) and get the tags. consentAttestation, if given, is stored as the importer's "
                    + "statement that the contacts agreed to be texted, and they become opted in. Answers 400 naming the field; "
                    + "an import that was already started answers 400 naming 'import'.")
    ImportResponse start(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestBody StartRequest request) {
        imports.progress(member.accountId(), id);
        if (request.mapping() == null || request.mapping().isEmpty()) {
            throw new FieldError("mapping", "Give one target per column ('ignore' for a column to skip)");
        }
        ColumnMapping mapping;
        try {
            mapping = ColumnMapping.ofCodes(request.mapping());
        } catch (IllegalArgumentException e) {
            throw new FieldError("mapping", e.getMessage() + "; a target is 'ignore', 'field:<name>' or 'attribute:<key>'");
        }
        imports.start(member.accountId(), id, member.userId(), mapping,
                new ImportOptions(request.listName(), request.tags(), policy(request.duplicatePolicy()), request.consentAttestation()));
        return response(member, id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(operationId = "cancelImport", summary = "Cancel an import",
            description = "A waiting import stops at once; a running one after the batch in progress. Contacts imported so far stay.")
    ImportResponse cancel(@AuthenticationPrincipal Member member, @PathVariable long id) {
        imports.cancel(member.accountId(), id);
        return response(member, id);
    }

    @GetMapping("/{id}/errors")
    @Operation(operationId = "getImportErrors", summary = "The rows the import rejected, as CSV",
            description = "Columns: line (in the file), reason, row (as read). Cells a spreadsheet would run as formulas start with '.")
    @ApiResponse(responseCode = "200", description = "The error report", content = @Content(mediaType = "text/csv"))
    void errors(@AuthenticationPrincipal Member member, @PathVariable long id, HttpServletResponse response) throws IOException {
        ImportProgress progress = imports.progress(member.accountId(), id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + ImportWizardController.reportName(progress.fileName()) + "\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            imports.writeErrorReport(member.accountId(), id, out);
        }
    }

    private ImportResponse response(Member member, long id) {
        ImportProgress progress = imports.progress(member.accountId(), id);
        if (progress.status() == ImportStatus.UPLOADED) {
            ImportPreview preview = imports.preview(member.accountId(), id);
            return ImportResponse.of(progress, new PreviewResponse(preview.encoding(), preview.delimiter(), preview.headers(),
                    preview.rows()), preview.detectedMapping().codes(), null);
        }
        var choices = imports.choices(member.accountId(), id);
        return ImportResponse.of(progress, null, choices.map(c -> c.mapping().codes()).orElse(null),
                choices.map(c -> new OptionsResponse(c.options().listName(), progress.listId(), c.options().tags(),
                        c.options().duplicatePolicy().name().toLowerCase(Locale.ROOT), c.attested())).orElse(null));
    }

    private static DuplicatePolicy policy(String code) {
        if (code == null || code.isBlank()) {
            return DuplicatePolicy.UPDATE_EMPTY;
        }
        try {
            return DuplicatePolicy.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldError("duplicatePolicy", "duplicatePolicy is update_empty, overwrite or skip");
        }
    }

    @Schema(name = "ImportStartRequest")
    record StartRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "One target per column, in the file's order, e.g. [\"field:first_name\", \"field:phone\", \"ignore\"]")
            List<String> mapping,
            @Schema(example = "Spring fair leads", description = "The list the contacts go to; created if the account has none of that name")
            String listName,
            @Schema(description = "Tags every imported contact gets; new ones are created") List<String> tags,
            @Schema(allowableValues = {"update_empty", "overwrite", "skip"}, description = "What to do with contacts that exist already "
                    + "(same phone or email): fill only their empty fields (default), overwrite with the file's values, or leave them")
            String duplicatePolicy,
            @Schema(description = "Your statement that every contact in the file agreed to receive text messages; stored with "
                    + "each contact's consent. Leave out to import with consent unknown.") String consentAttestation) {
    }

    @Schema(name = "ImportPreview")
    record PreviewResponse(String encoding, String delimiter, List<String> headers, List<List<String>> rows) {
    }

    @Schema(name = "ImportOptions")
    record OptionsResponse(String listName, Long listId, List<String> tags,
                           @Schema(allowableValues = {"update_empty", "overwrite", "skip"}) String duplicatePolicy,
                           @Schema(description = "Whether a consent attestation was given") boolean attested) {
    }

    @Schema(name = "Import")
    record ImportResponse(long id, String fileName, long fileSize,
                          @Schema(allowableValues = {"uploaded", "queued", "running", "completed", "cancelled", "failed"}) String status,
                          @Schema(description = "About how many rows the file holds (from its line breaks)") Long estimatedRows,
                          long rowsRead, long created, long updated, long skipped, long failed,
                          @Schema(description = "Why the import stopped, when it failed") String failure,
                          Instant createdAt, Instant startedAt, Instant finishedAt,
                          @Schema(description = "While the import waits to be started: how the file was read and its first rows")
                          PreviewResponse preview,
                          @Schema(description = "Before the start: the mapping detected from the header; after: the one chosen")
                          List<String> mapping,
                          @Schema(description = "The options it was started with") OptionsResponse options) {

        static ImportResponse of(ImportProgress p, PreviewResponse preview, List<String> mapping, OptionsResponse options) {
            return new ImportResponse(p.importId(), p.fileName(), p.fileSize(), p.status().code(), p.estimatedRows(), p.rowsRead(),
                    p.created(), p.updated(), p.skipped(), p.failed(), p.failure(), p.createdAt(), p.startedAt(), p.finishedAt(),
                    preview, mapping, options);
        }
    }

    @Schema(name = "ImportSummary")
    record ImportSummary(long id, String fileName, String status, long rowsRead, long created, long updated, long skipped,
                         long failed, Instant createdAt, Instant finishedAt) {

        static ImportSummary of(ImportProgress p) {
            return new ImportSummary(p.importId(), p.fileName(), p.status().code(), p.rowsRead(), p.created(), p.updated(),
                    p.skipped(), p.failed(), p.createdAt(), p.finishedAt());
        }
    }

    @Schema(name = "ImportPage")
    record ImportPage(List<ImportSummary> items, @Schema(description = "Pass as ?after= for the next page; null on the last") String next) {
    }
}
