package switchboard.audience.importing;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import switchboard.accounts.AccountView;
import switchboard.accounts.Accounts;
import switchboard.accounts.Member;
import switchboard.accounts.Teammate;
import switchboard.audience.attribute.AttributeDefinition;
import switchboard.audience.attribute.AttributeType;
import switchboard.audience.attribute.Attributes;
import switchboard.audience.list.ListRepository;
import switchboard.audience.tag.TagRepository;
import switchboard.platform.web.ConflictException;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.OversizedUploadFilter;
import switchboard.platform.web.UploadLimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Audience -> Import: the past imports and "Choose file" (step 1), the preview with the column
 * mapping and the importer's choices (step 2), and the live progress with its final summary
 * (step 3). Any member may import; creating an attribute from a column needs an owner or admin.
 * Every step is a plain form, so the wizard works without script; the script only opens the
 * new-attribute form when that option is chosen, and htmx refreshes the progress.
 */
@Controller
@RequestMapping("/audience/import")
class ImportWizardController {

    private static final String LIST_PAGE = "audience/import/imports";
    private static final String MAPPING_PAGE = "audience/import/mapping";
    private static final String PROGRESS_PAGE = "audience/import/progress";
    private static final String PROGRESS_FRAGMENT = "audience/import/_progress";
    private static final String CANCEL_PAGE = "audience/import/cancel";
    /** What the wizard's mapping select offers for "create a custom attribute from this column". */
    static final String NEW_ATTRIBUTE = "new";
    private static final int PICKER_LIMIT = 500;

    private final Imports imports;
    private final Attributes attributes;
    private final TagRepository tags;
    private final ListRepository lists;
    private final Accounts accounts;
    private final UploadLimit uploadLimit;

    ImportWizardController(Imports imports, Attributes attributes, TagRepository tags, ListRepository lists, Accounts accounts,
                           UploadLimit uploadLimit) {
        this.uploadLimit = uploadLimit;
        this.imports = imports;
        this.attributes = attributes;
        this.tags = tags;
        this.lists = lists;
        this.accounts = accounts;
    }

    /** Everything the importer chose in step 2, kept as typed so a refused form comes back unchanged. */
    public record WizardForm(List<String> mapping, List<String> newAttributeLabel, List<String> newAttributeType, List<String> tags,
                      String newTags, String listMode, String newListName, String existingList, String policy, boolean attest) {

        static WizardForm detected(ImportPreview preview) {
            return new WizardForm(preview.detectedMapping().codes(), List.of(), List.of(), List.of(), "", "new",
                    defaultListName(preview.fileName()), "", "update_empty", false);
        }

        WizardForm withMapping(int column, String code) {
            List<String> changed = new ArrayList<>(mapping);
            changed.set(column, code);
            List<String> labels = new ArrayList<>(newAttributeLabel);
            if (column < labels.size()) {
                labels.set(column, "");
            }
            return new WizardForm(changed, labels, newAttributeType, tags, newTags, listMode, newListName, existingList, policy, attest);
        }

        public String mappingOf(int column) {
            return column < mapping.size() ? mapping.get(column) : "ignore";
        }

        public String labelOf(int column) {
            return column < newAttributeLabel.size() ? newAttributeLabel.get(column) : "";
        }

        public String typeOf(int column) {
            return column < newAttributeType.size() ? newAttributeType.get(column) : AttributeType.TEXT.code();
        }

        List<String> chosenTags() {
            List<String> all = new ArrayList<>(tags);
            all.addAll(Arrays.stream(newTags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList());
            return all;
        }

        String listName() {
            return "existing".equals(listMode) ? existingList : newListName;
        }

        DuplicatePolicy duplicatePolicy() {
            return switch (policy) {
                case "overwrite" -> DuplicatePolicy.OVERWRITE;
                case "skip" -> DuplicatePolicy.SKIP;
                default -> DuplicatePolicy.UPDATE_EMPTY;
            };
        }

        /** "spring-leads.csv" -> "spring-leads". */
        static String defaultListName(String fileName) {
            int dot = fileName.lastIndexOf('.');
            String name = dot > 0 ? fileName.substring(0, dot) : fileName;
            return name.length() > 100 ? name.substring(0, 100) : name;
        }
    }

    /** The step 2 form as posted (every handler gets it; only the step 2 posts send its fields). */
    @ModelAttribute("form")
    WizardForm form(@RequestParam(name = "mapping", required = false) List<String> mapping,
                    @RequestParam(name = "newAttributeLabel", required = false) List<String> newAttributeLabel,
                    @RequestParam(name = "newAttributeType", required = false) List<String> newAttributeType,
                    @RequestParam(name = "tags", required = false) List<String> tags,
                    @RequestParam(name = "newTags", defaultValue = "") String newTags,
                    @RequestParam(name = "listMode", defaultValue = "new") String listMode,
                    @RequestParam(name = "newListName", defaultValue = "") String newListName,
                    @RequestParam(name = "existingList", defaultValue = "") String existingList,
                    @RequestParam(name = "policy", defaultValue = "update_empty") String policy,
                    @RequestParam(name = "attest", defaultValue = "false") boolean attest) {
        return new WizardForm(orEmpty(mapping), orEmpty(newAttributeLabel), orEmpty(newAttributeType), orEmpty(tags), newTags,
                listMode, newListName, existingList, policy, attest);
    }

    @GetMapping
    String list(@AuthenticationPrincipal Member member, Model model) {
        if (model.containsAttribute(OversizedUploadFilter.FLASH_ATTRIBUTE)) {
            model.addAttribute("uploadError", tooLarge());
        }
        return listPage(member, model);
    }

    /**
     * Step 1: the file streams into the database (Imports.upload); the wizard continues with its
     * preview. A file over the upload limit never arrives here: OversizedUploadFilter sends the
     * browser back to the list above.
     */
    @PostMapping
    String upload(@AuthenticationPrincipal Member member, @RequestParam(name = "file", required = false) MultipartFile file,
                  Model model) {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            model.addAttribute("uploadError", "Choose a CSV or TSV file to import.");
            return listPage(member, model);
        }
        long importId;
        try (InputStream content = file.getInputStream()) {
            importId = imports.upload(member.accountId(), member.userId(), file.getOriginalFilename(), content);
        } catch (FieldError e) {
            model.addAttribute("uploadError", e.getMessage() + ". Choose a CSV or TSV file with a header row and at least one contact.");
            return listPage(member, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/audience/import/" + importId;
    }

    /** Step 2 while the import waits for its mapping; step 3 (progress or summary) once started. */
    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
        ImportProgress progress = imports.progress(member.accountId(), id);
        if (progress.status() == ImportStatus.UPLOADED) {
            ImportPreview preview = imports.preview(member.accountId(), id);
            return mappingPage(member, preview, WizardForm.detected(preview), model);
        }
        return progressPage(member, progress, model);
    }

    /** Creates a custom attribute from a column (owners and admins) and maps the column to it; the other choices stay. */
    @PostMapping("/{id}/attributes")
    String createAttribute(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestParam int column,
                           Model model) {
        WizardForm form = (WizardForm) model.getAttribute("form");
        if (!member.managesAccount()) {
            throw new AccessDeniedException("Only owners and admins define contact attributes");
        }
        ImportPreview preview = imports.preview(member.accountId(), id);
        if (column < 0 || column >= preview.headers().size()) {
            throw new FieldError("column", "There is no column " + column);
        }
        String type = form.typeOf(column);
        try {
            AttributeDefinition created = attributes.create(member.accountId(), new Attributes.Draft(null, form.labelOf(column),
                    type.isBlank() ? null : AttributeType.ofCode(type), List.of()));
            model.addAttribute("status", "Created the attribute " + created.label() + " (key " + created.key() + "); column "
                    + preview.headers().get(column) + " fills it.");
            return mappingPage(member, preview, form.withMapping(column, new ColumnTarget.Attribute(created.key()).code()), model);
        } catch (FieldError | ConflictException | IllegalArgumentException e) {
            model.addAttribute("attributeError", e.getMessage());
            model.addAttribute("attributeColumn", column);
            return mappingPage(member, preview, form, model);
        }
    }

    /** Starts the import with the importer's choices; a refused choice shows the form again with the reason beside it. */
    @PostMapping("/{id}/start")
    String start(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
        WizardForm form = (WizardForm) model.getAttribute("form");
        ImportPreview preview = imports.preview(member.accountId(), id);
        try {
            for (int column = 0; column < preview.headers().size(); column++) {
                if (NEW_ATTRIBUTE.equals(form.mappingOf(column))) {
                    throw new FieldError("mapping", "Column " + preview.headers().get(column)
                            + " is set to a new attribute that is not created yet: create it with its button, or choose another target.");
                }
            }
            List<String> codes = new ArrayList<>();
            for (int column = 0; column < preview.headers().size(); column++) {
                codes.add(form.mappingOf(column));
            }
            ColumnMapping mapping;
            try {
                mapping = ColumnMapping.ofCodes(codes);
            } catch (IllegalArgumentException e) {
                throw new FieldError("mapping", "Choose one of the offered targets for every column");
            }
            if ("existing".equals(form.listMode()) && form.existingList().isBlank()) {
                throw new FieldError("existingList", "Choose the list the contacts go to, or create a new list");
            }
            ImportOptions options = new ImportOptions(form.listName(), form.chosenTags(), form.duplicatePolicy(),
                    form.attest() ? attestationText(member.accountId()) : null);
            imports.start(member.accountId(), id, member.userId(), mapping, options);
        } catch (FieldError e) {
            if (e.field().equals("import")) {
                // Started meanwhile (another tab, a double click): its progress is what to show.
                return "redirect:/audience/import/" + id;
            }
            model.addAttribute("error", e);
            return mappingPage(member, preview, form, model);
        }
        return "redirect:/audience/import/" + id;
    }

    /** The progress panel alone: htmx re-reads it every 2 s and on each live progress event. */
    @GetMapping("/{id}/progress")
    String progress(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
        progressModel(member, imports.progress(member.accountId(), id), model);
        return PROGRESS_FRAGMENT;
    }

    /** The confirmation step when the browser runs no script; with htmx, hx-confirm asks instead. */
    @GetMapping("/{id}/cancel")
    String confirmCancel(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
        model.addAttribute("progress", imports.progress(member.accountId(), id));
        return CANCEL_PAGE;
    }

    @PostMapping("/{id}/cancel")
    String cancel(@AuthenticationPrincipal Member member, @PathVariable long id,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        imports.cancel(member.accountId(), id);
        String notice = "Cancelling the import. Contacts imported so far stay; no more rows are imported.";
        if (htmx != null) {
            model.addAttribute("status", notice);
            return progress(member, id, model);
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/audience/import/" + id;
    }

    /** The rejected rows as CSV: line number, reason, the row as read. Streamed, however many there are. */
    @GetMapping("/{id}/errors.csv")
    void errorReport(@AuthenticationPrincipal Member member, @PathVariable long id, HttpServletResponse response) throws IOException {
        ImportProgress progress = imports.progress(member.accountId(), id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + reportName(progress.fileName()) + "\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            imports.writeErrorReport(member.accountId(), id, out);
        }
    }

    /** The attestation exactly as the wizard shows it: what is stored is what the importer read. */
    String attestationText(long accountId) {
        String business = accounts.account(accountId).map(AccountView::name).orElse("this business");
        return "I confirm that every contact in this file gave permission to receive text messages from " + business
                + ", and that I can show when and how each of them gave it.";
    }

    static String reportName(String fileName) {
        String base = WizardForm.defaultListName(fileName).replaceAll("[^A-Za-z0-9._ -]", "_");
        return base + "-errors.csv";
    }

    private String listPage(Member member, Model model) {
        List<ImportProgress> recent = imports.recent(member.accountId());
        model.addAttribute("imports", recent);
        model.addAttribute("uploadLimit", uploadLimit.text());
        model.addAttribute("uploadLimitBytes", uploadLimit.bytes());
        model.addAttribute("tooLarge", tooLarge());
        model.addAttribute("importers", accounts.teammates(member.accountId()).stream()
                .collect(Collectors.toMap(Teammate::userId, Teammate::name, (a, b) -> a)));
        return LIST_PAGE;
    }

    private String tooLarge() {
        return "The file is larger than " + uploadLimit.text() + ", the most one import takes; split it into smaller files.";
    }

    private String mappingPage(Member member, ImportPreview preview, WizardForm form, Model model) {
        model.addAttribute("preview", preview);
        model.addAttribute("form", form);
        model.addAttribute("progress", imports.progress(member.accountId(), preview.importId()));
        model.addAttribute("fields", ContactField.values());
        model.addAttribute("customAttributes", attributes.all(member.accountId()));
        model.addAttribute("attributeTypes", Arrays.stream(AttributeType.values()).filter(t -> t != AttributeType.CHOICE).toList());
        model.addAttribute("tagNames", tags.names(member.accountId(), PICKER_LIMIT));
        model.addAttribute("listNames", lists.names(member.accountId(), PICKER_LIMIT));
        model.addAttribute("attestation", attestationText(member.accountId()));
        model.addAttribute("samples", samples(preview));
        return MAPPING_PAGE;
    }

    /** Up to three non-empty values of each column, to recognise it by. */
    private static List<String> samples(ImportPreview preview) {
        List<String> samples = new ArrayList<>();
        for (int column = 0; column < preview.headers().size(); column++) {
            final int c = column;
            samples.add(preview.rows().stream().filter(row -> c < row.size() && !row.get(c).isBlank())
                    .map(row -> row.get(c).length() > 40 ? row.get(c).substring(0, 40) + "…" : row.get(c))
                    .limit(3).collect(Collectors.joining(", ")));
        }
        return samples;
    }

    private String progressPage(Member member, ImportProgress progress, Model model) {
        progressModel(member, progress, model);
        return PROGRESS_PAGE;
    }

    private void progressModel(Member member, ImportProgress progress, Model model) {
        model.addAttribute("progress", progress);
        model.addAttribute("summary", Imports.summary(progress));
        if (progress.status().finished() && progress.failed() > 0) {
            model.addAttribute("firstErrors", imports.errors(member.accountId(), progress.importId(), 5));
        }
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
