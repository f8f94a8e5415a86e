package switchboard.audience.contact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import switchboard.accounts.Member;
import switchboard.audience.ConsentEntry;
import switchboard.audience.ConsentStatus;
import switchboard.audience.ContactView;
import switchboard.audience.filter.ContactFilter;
import switchboard.audience.filter.ContactQueries;
import switchboard.audience.filter.ContactSummary;
import switchboard.audience.filter.InvalidConditionException;
import switchboard.audience.note.Note;
import switchboard.audience.note.Notes;
import switchboard.platform.web.ApiController;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.ProblemResponses;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** /api/v1/contacts: the same contacts, notes, tags and consent as the Audience pages, for scripts and integrations. */
@ApiController("/api/v1/contacts")
@Tag(name = "Contacts", description = "Contacts of your account with their custom attributes, tags, lists, notes and SMS consent.")
class ContactsApiController {

    private final Contacts contacts;
    private final Notes notes;
    private final ContactQueries queries;

    ContactsApiController(Contacts contacts, Notes notes, ContactQueries queries) {
        this.contacts = contacts;
        this.notes = notes;
        this.queries = queries;
    }

    @GetMapping
    @Operation(operationId = "listContacts", summary = "A page of contacts matching a filter, in id order",
            description = "Every given filter must match; several tag, list or segment ids match any of them. Keyset paging: pass "
                    + "the answer's next as after for the following page (next is null on the last page).")
    PageResponse list(@AuthenticationPrincipal Member member,
                      @Parameter(description = "Search: name fragments (\"jo smi\"), a phone in any format, or an email") @RequestParam(required = false) String q,
                      @Parameter(description = "Tag ids (repeat the parameter for several)") @RequestParam(required = false) List<Long> tag,
                      @Parameter(description = "List ids") @RequestParam(required = false) List<Long> list,
                      @Parameter(description = "Segment ids") @RequestParam(required = false) List<Long> segment,
                      @Parameter(description = "SMS consent", schema = @Schema(allowableValues = {"opted_in", "opted_out", "unknown"}))
                      @RequestParam(required = false) String consent,
                      @Parameter(description = "Attribute conditions, all must match: attribute:operator[:value], e.g. city:equals:Austin, "
                              + "birthday:before:2000-01-01, email:is_set (operators: equals, contains, is_set, not_set, before, after, greater, less)")
                      @RequestParam(required = false) List<String> condition,
                      @Parameter(description = "1 to 500, default 50") @RequestParam(defaultValue = "50") int limit,
                      @Parameter(description = "The previous page's next") @RequestParam(required = false) Long after) {
        if (limit < 1 || limit > 500) {
            throw new FieldError("limit", "limit is between 1 and 500.");
        }
        List<String> attributes = new ArrayList<>();
        List<String> operators = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String text : condition == null ? List.<String>of() : condition) {
            // The value may itself contain colons ("time:equals:10:30"): only the first two separate.
            String[] parts = text.split(":", 3);
            if (parts.length < 2 || parts[0].isBlank()) {
                throw new FieldError("condition", "'" + text + "' is not attribute:operator[:value], e.g. city:equals:Austin.");
            }
            attributes.add(parts[0].strip());
            operators.add(parts[1].strip());
            values.add(parts.length == 3 ? parts[2] : "");
        }
        ContactFilter filter;
        List<ContactSummary> page;
        try {
            filter = new ContactFilterForm(q, tag, list, segment, consent, attributes, operators, values).toFilter();
            page = queries.page(member.accountId(), filter, after, limit + 1);
        } catch (InvalidConditionException e) {
            String message = e.getMessage();
            throw new FieldError(message.contains("consent status") ? "consent" : message.contains("egment") ? "segment" : "condition", message);
        }
        boolean more = page.size() > limit;
        List<ContactSummary> items = more ? page.subList(0, limit) : page;
        return new PageResponse(items.stream().map(SummaryResponse::of).toList(), more ? String.valueOf(items.getLast().id()) : null);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createContact", summary = "Add a contact",
            description = "Needs a phone or an email. The phone is read with the account's default country and stored in E.164. "
                    + "A phone or email another contact has answers 409 with existingContactId; invalid fields answer 400 listing every one in errors. "
                    + "Tags and lists are given by name and created when missing. The contact's source is \"api\".")
    ResponseEntity<ContactResponse> create(@AuthenticationPrincipal Member member, @RequestBody ContactRequest request) {
        ContactView created = contacts.create(member, request.form(), Contacts.Source.API);
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(response(member, created));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getContact", summary = "One contact with its tags and lists", description = "A contact of another account answers 404.")
    ContactResponse get(@AuthenticationPrincipal Member member, @PathVariable long id) {
        return response(member, contacts.get(member, id));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateContact", summary = "Change some of a contact's fields",
            description = "Only the fields in the body change (a JSON merge patch): null or \"\" clears a field; in attributes, only the keys "
                    + "given change. tags and lists are ignored here: use the tags and lists routes. Same validation as createContact.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = ContactRequest.class))))
    ContactResponse update(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestBody JsonNode patch) {
        contacts.get(member, id);
        if (patch == null || !patch.isObject()) {
            throw new FieldError("body", "Send a JSON object with the fields to change.");
        }
        ContactForm form = contacts.current(member, id);
        for (String field : List.of("firstName", "lastName", "phone", "email", "company")) {
            if (patch.has(field)) {
                form = form.with(snake(field), text(patch.get(field), field));
            }
        }
        JsonNode attributes = patch.get("attributes");
        if (attributes != null && !attributes.isNull()) {
            if (!attributes.isObject()) {
                throw new FieldError("attributes", "attributes is an object of values by attribute key.");
            }
            for (var entry : attributes.properties()) {
                form = form.with("attributes." + entry.getKey(), text(entry.getValue(), "attributes." + entry.getKey()));
            }
        }
        return response(member, contacts.update(member, id, form));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteContact", summary = "Delete a contact",
            description = "Removes it with its tags, list memberships and notes; restoreContact puts it back within 10 minutes.")
    void delete(@AuthenticationPrincipal Member member, @PathVariable long id) {
        contacts.delete(member, id);
    }

    @PostMapping("/{id}/restore")
    @Operation(operationId = "restoreContact", summary = "Undo the deletion of a contact (within 10 minutes)",
            description = "Restores it with its id, tags, lists and notes. 404 when there is nothing to restore any more; "
                    + "409 when its phone or email belongs to another contact by now.")
    ContactResponse restore(@AuthenticationPrincipal Member member, @PathVariable long id) {
        return response(member, contacts.undoDelete(member, id));
    }

    @GetMapping("/{id}/notes")
    @Operation(operationId = "listContactNotes", summary = "Teammates' notes on a contact, newest first")
    List<NoteResponse> notes(@AuthenticationPrincipal Member member, @PathVariable long id) {
        return notes.of(member, id).stream().map(NoteResponse::of).toList();
    }

    @PostMapping("/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "addContactNote", summary = "Add a note to a contact", description = "1 to 5000 characters; the author is the token's user.")
    NoteResponse addNote(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestBody NoteRequest request) {
        return NoteResponse.of(notes.add(member, id, request.body()));
    }

    @DeleteMapping("/{id}/notes/{noteId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteContactNote", summary = "Delete your note on a contact",
            description = "As on the contact's profile, only its author deletes a note: someone else's note answers 403 and stays. "
                    + "A note that is not on this contact answers 404.")
    void deleteNote(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long noteId) {
        notes.delete(member, id, noteId);
    }

    @PutMapping("/{id}/tags")
    @Operation(operationId = "tagContact", summary = "Tag a contact by tag name",
            description = "Creates the tag if the account has none of that name (names compare ignoring case). Tagging twice is harmless. "
                    + "Answers the contact's tags.")
    TagsResponse tag(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestBody TagRequest request) {
        contacts.tag(member, id, request.name());
        return new TagsResponse(contacts.tagsOf(member, id));
    }

    @DeleteMapping("/{id}/tags")
    @Operation(operationId = "untagContact", summary = "Remove a tag from a contact by name",
            description = "The tag itself stays. A tag the contact does not have is no error. Answers the contact's tags.")
    TagsResponse untag(@AuthenticationPrincipal Member member, @PathVariable long id,
                       @Parameter(description = "The tag's name", example = "VIP") @RequestParam(required = false) String name) {
        contacts.untag(member, id, name);
        return new TagsResponse(contacts.tagsOf(member, id));
    }

    @PutMapping("/{id}/lists")
    @Operation(operationId = "addContactToLists", summary = "Add a contact to lists by list id",
            description = "The contact gets each list's tags, as when added from the list's side. A list it is on already is no error. "
                    + "An id of no list of the account answers 400 naming listIds, and nothing changes. Answers the contact's lists.")
    ListsResponse addToLists(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestBody ListsRequest request) {
        contacts.addToLists(member, id, request.listIds());
        return new ListsResponse(contacts.listsOf(member, id));
    }

    @DeleteMapping("/{id}/lists")
    @Operation(operationId = "removeContactFromLists", summary = "Take a contact off lists by list id",
            description = "The lists stay, and the contact keeps its tags. A list it is not on is no error; an id of no list of the "
                    + "account answers 400 naming listIds. Answers the contact's lists.")
    ListsResponse removeFromLists(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestBody ListsRequest request) {
        contacts.removeFromLists(member, id, request.listIds());
        return new ListsResponse(contacts.listsOf(member, id));
    }

    @GetMapping("/{id}/consent")
    @Operation(operationId = "getContactConsent", summary = "A contact's SMS consent and its history, newest first")
    ConsentResponse consent(@AuthenticationPrincipal Member member, @PathVariable long id) {
        return ConsentResponse.of(contacts.get(member, id), contacts.consentHistory(member, id));
    }

    @PostMapping("/{id}/consent")
    @Operation(operationId = "changeContactConsent", summary = "Record a manual consent change",
            description = "Opting in needs evidence: how the contact gave permission to be texted. The change is recorded in the consent "
                    + "ledger with the token's user.")
    ConsentResponse changeConsent(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestBody ConsentRequest request) {
        contacts.get(member, id);
        ConsentStatus status;
        try {
            status = request.status() == null ? null : ConsentStatus.ofCode(request.status());
        } catch (IllegalArgumentException e) {
            throw new FieldError("status", "status is one of opted_in, opted_out, unknown.");
        }
        ContactView changed = contacts.changeConsent(member, id, status, request.evidence());
        return ConsentResponse.of(changed, contacts.consentHistory(member, id));
    }

    /** A contact's phone or email is taken: the problem names the contact that has it. */
    @ExceptionHandler(DuplicateContactException.class)
    ProblemDetail duplicate(DuplicateContactException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Duplicate contact");
        problem.setType(ProblemResponses.BLANK_TYPE);
        problem.setProperty("field", e.field());
        problem.setProperty("existingContactId", e.existingContactId());
        return problem;
    }

    /**
     * Notes refuse someone else's note. Left to the security filter, the caller would read its
     * generic "your role does not allow this", which is wrong here: no role may delete it.
     */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail refused(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        problem.setType(ProblemResponses.BLANK_TYPE);
        return problem;
    }

    /** Every invalid field at once, the first also as "field" like every other 400 of the API. */
    @ExceptionHandler(InvalidContactException.class)
    ProblemDetail invalid(InvalidContactException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid field");
        problem.setType(ProblemResponses.BLANK_TYPE);
        problem.setProperty("field", e.field());
        List<Map<String, String>> errors = new ArrayList<>();
        e.errors().forEach(error -> errors.add(Map.of("field", error.field(), "message", error.getMessage())));
        problem.setProperty("errors", errors);
        return problem;
    }

    private ContactResponse response(Member member, ContactView contact) {
        return ContactResponse.of(contact, contacts.tagsOf(member, contact.id()), contacts.listsOf(member, contact.id()));
    }

    private static String snake(String field) {
        return field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static String text(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.asString();
        }
        throw new FieldError(field, field + " is a text, number or true/false, not a list or object.");
    }

    @Schema(name = "ContactPage")
    record PageResponse(List<SummaryResponse> items, @Schema(description = "Pass as after for the next page; null on the last page") String next) {
    }

    @Schema(name = "ContactSummary")
    record SummaryResponse(long id, String firstName, String lastName, @Schema(description = "E.164") String phone, String email,
                           String company, @Schema(allowableValues = {"unknown", "opted_in", "opted_out"}) String consent, String source,
                           Instant createdAt) {

        static SummaryResponse of(ContactSummary contact) {
            return new SummaryResponse(contact.id(), contact.firstName(), contact.lastName(), contact.phone(), contact.email(),
                    contact.company(), contact.consentStatus().code(), contact.source(), contact.createdAt());
        }
    }

    @Schema(name = "ContactRequest")
    record ContactRequest(@Schema(example = "Ann") String firstName, @Schema(example = "Lee") String lastName,
                          @Schema(example = "+1 212 555 0101", description = "Any common format; without a country code the account's default country applies")
                          String phone,
                          @Schema(example = "ann@example.com") String email, @Schema(example = "Lee Bakery") String company,
                          @Schema(description = "Custom attribute values by key, validated by the attribute's type") Map<String, Object> attributes,
                          @Schema(description = "Tag names; missing tags are created") List<String> tags,
                          @Schema(description = "List names; missing lists are created") List<String> lists) {

        ContactForm form() {
            Map<String, String> values = new LinkedHashMap<>();
            if (attributes != null) {
                attributes.forEach((key, value) -> values.put(key, value == null ? "" : String.valueOf(value)));
            }
            return new ContactForm(firstName, lastName, phone, email, company, values, tags, lists);
        }
    }

    @Schema(name = "Contact")
    record ContactResponse(long id, String firstName, String lastName,
                           @Schema(description = "E.164") String phone, String email, String company,
                           Map<String, Object> attributes, List<String> tags, List<String> lists,
                           @Schema(allowableValues = {"unknown", "opted_in", "opted_out"}) String consent,
                           @Schema(allowableValues = {"manual", "import", "api", "sms", "webchat", "messenger"}) String source,
                           Instant createdAt, Instant updatedAt) {

        static ContactResponse of(ContactView contact, List<String> tags, List<String> lists) {
            return new ContactResponse(contact.id(), contact.firstName(), contact.lastName(), contact.phone(), contact.email(),
                    contact.company(), contact.attributes(), tags, lists, contact.consentStatus().code(), contact.source(),
                    contact.createdAt(), contact.updatedAt());
        }
    }

    @Schema(name = "ContactNoteRequest")
    record NoteRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Prefers texts after 5 pm") String body) {
    }

    @Schema(name = "ContactNote")
    record NoteResponse(long id, long authorId, String authorName, String body, Instant createdAt) {

        static NoteResponse of(Note note) {
            return new NoteResponse(note.id(), note.authorId(), note.authorName(), note.body(), note.createdAt());
        }
    }

    @Schema(name = "ContactTagRequest")
    record TagRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "VIP") String name) {
    }

    @Schema(name = "ContactTags")
    record TagsResponse(List<String> tags) {
    }

    @Schema(name = "ContactListsRequest")
    record ListsRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Ids of the account's lists") List<Long> listIds) {
    }

    @Schema(name = "ContactLists")
    record ListsResponse(@Schema(description = "The names of the lists the contact is on, by name") List<String> lists) {
    }

    @Schema(name = "ContactConsentRequest")
    record ConsentRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"opted_in", "opted_out", "unknown"})
                          String status,
                          @Schema(example = "Signed the consent form at the front desk on 3 May", description = "Required when opting in")
                          String evidence) {
    }

    @Schema(name = "ContactConsent")
    record ConsentResponse(@Schema(allowableValues = {"unknown", "opted_in", "opted_out"}) String status, List<ConsentEntryResponse> history) {

        static ConsentResponse of(ContactView contact, List<ConsentEntry> history) {
            return new ConsentResponse(contact.consentStatus().code(), history.stream().map(ConsentEntryResponse::of).toList());
        }
    }

    @Schema(name = "ContactConsentEntry")
    record ConsentEntryResponse(@Schema(allowableValues = {"unknown", "opted_in", "opted_out"}) String status,
                                @Schema(allowableValues = {"import", "manual", "keyword", "web_form"}) String source,
                                Long importId, Long userId, String evidence,
                                @Schema(description = "The text the importer attested (imports)") String attestation, Instant occurredAt) {

        static ConsentEntryResponse of(ConsentEntry entry) {
            return new ConsentEntryResponse(entry.status().code(), entry.source(), entry.importId(), entry.userId(), entry.evidence(),
                    entry.attestation(), entry.occurredAt());
        }
    }
}
