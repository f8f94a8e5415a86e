package switchboard.audience.attribute;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import switchboard.accounts.Member;
import switchboard.platform.web.ApiController;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.ProblemResponses;

import java.util.Comparator;
import java.util.List;

/** /api/v1/attributes: the custom contact attributes of Settings -> Contact attributes. */
@ApiController("/api/v1/attributes")
@Tag(name = "Contact attributes", description = "Custom attributes contacts carry besides the default fields; "
        + "owners and admins define them. Values live on contacts under the attribute's key.")
class AttributesApiController {

    private static final int MAX_LIMIT = 500;

    private final Attributes attributes;

    AttributesApiController(Attributes attributes) {
        this.attributes = attributes;
    }

    @GetMapping
    @Operation(operationId = "listAttributes", summary = "The custom attributes of the account, oldest first",
            description = "Pages of ?limit= (1 to 500, default 50); pass the answer's 'next' as ?after= for the next page.")
    AttributePage list(@AuthenticationPrincipal Member member, @RequestParam(defaultValue = "50") int limit,
                       @RequestParam(required = false) Long after) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new FieldError("limit", "limit is 1 to " + MAX_LIMIT);
        }
        // An account has tens of attributes, not thousands: paging the loaded list is cheap.
        List<AttributeResponse> page = attributes.all(member.accountId()).stream()
                .sorted(Comparator.comparingLong(AttributeDefinition::id))
                .filter(definition -> after == null || definition.id() > after)
                .limit(limit + 1L).map(AttributeResponse::of).toList();
        List<AttributeResponse> items = page.stream().limit(limit).toList();
        return new AttributePage(items, page.size() > limit ? String.valueOf(items.getLast().id()) : null);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "createAttribute", summary = "Define a custom attribute (owners and admins)",
            description = "Answers 201 with the attribute and its address in Location. Without a key, one is made from the label. "
                    + "A key or label already used in the account, a default field's key, or a list of choices without choices "
                    + "answers 400 naming the field.")
    ResponseEntity<AttributeResponse> create(@AuthenticationPrincipal Member member, @RequestBody AttributeRequest request) {
        AttributeDefinition created = attributes.create(member.accountId(),
                new Attributes.Draft(request.key(), request.label(), type(request.type(), true), request.choices()));
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(AttributeResponse.of(created));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAttribute", summary = "One custom attribute", description = "An attribute of another account answers 404.")
    AttributeResponse get(@AuthenticationPrincipal Member member, @PathVariable long id) {
        return AttributeResponse.of(attributes.get(member.accountId(), id));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "updateAttribute", summary = "Change a custom attribute's label, type or choices (owners and admins)",
            description = "Fields left out stay as they are. The key never changes. The type changes only while no contact "
                    + "has a value (400 naming type). Removing a choice that contacts hold answers 400 naming choices, with "
                    + "contactsHolding and heldChoices, unless removeHeldChoices is true: then those contacts keep the value as "
                    + "it is (filters and exports show it, their other fields stay editable) and it can no longer be set.")
    AttributeResponse update(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestBody AttributeRequest request) {
        return AttributeResponse.of(attributes.update(member.accountId(), id,
                new Attributes.Draft(request.key(), request.label(), type(request.type(), false), request.choices()),
                Boolean.TRUE.equals(request.removeHeldChoices())));
    }

    /** Choices contacts hold: the problem says how many contacts and which choices, and how to remove them anyway. */
    @ExceptionHandler(ChoicesInUseException.class)
    ProblemDetail choicesInUse(ChoicesInUseException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.getMessage() + " Send removeHeldChoices: true to remove " + (e.choices().size() == 1 ? "it" : "them") + " anyway.");
        problem.setTitle("Invalid field");
        problem.setType(ProblemResponses.BLANK_TYPE);
        problem.setProperty("field", e.field());
        problem.setProperty("contactsHolding", e.contacts());
        problem.setProperty("heldChoices", e.choices());
        return problem;
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "deleteAttribute", summary = "Delete a custom attribute and its values on every contact (owners and admins)",
            description = "Answers how many contacts had a value. A segment whose conditions use the attribute answers 409.")
    DeletedResponse delete(@AuthenticationPrincipal Member member, @PathVariable long id) {
        return new DeletedResponse(attributes.delete(member.accountId(), id));
    }

    private static AttributeType type(String code, boolean required) {
        if (code == null) {
            if (required) {
                throw new FieldError("type", "Give the type: one of text, number, date, boolean, choice, url");
            }
            return null;
        }
        try {
            return AttributeType.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw new FieldError("type", "The type is one of text, number, date, boolean, choice, url");
        }
    }

    @Schema(name = "AttributeRequest")
    record AttributeRequest(
            @Schema(example = "Date of birth", description = "1 to 100 characters, unique in the account ignoring case") String label,
            @Schema(example = "date_of_birth", description = "^[a-z][a-z0-9_]{0,62}$, not a default field's key; "
                    + "made from the label when left out; cannot change later") String key,
            @Schema(example = "date", allowableValues = {"text", "number", "date", "boolean", "choice", "url"}) String type,
            @Schema(description = "The choices of a list of choices (type choice), each once") List<String> choices,
            @Schema(description = "updateAttribute: remove choices even though contacts hold them (they keep the value)")
            Boolean removeHeldChoices) {
    }

    @Schema(name = "Attribute")
    record AttributeResponse(long id, String key, String label,
                             @Schema(allowableValues = {"text", "number", "date", "boolean", "choice", "url"}) String type,
                             List<String> choices) {

        static AttributeResponse of(AttributeDefinition definition) {
            return new AttributeResponse(definition.id(), definition.key(), definition.label(), definition.type().code(),
                    definition.choices());
        }
    }

    @Schema(name = "AttributePage")
    record AttributePage(List<AttributeResponse> items,
                         @Schema(description = "Pass as ?after= for the next page; null on the last") String next) {
    }

    @Schema(name = "AttributeDeleted")
    record DeletedResponse(@Schema(description = "Contacts that had a value for the attribute; it is removed from them") long contactsCleared) {
    }
}
