package switchboard.audience.segment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import switchboard.accounts.Member;
import switchboard.audience.filter.AttributeCondition;
import switchboard.audience.filter.ConditionOperator;
import switchboard.audience.filter.ContactSummary;
import switchboard.audience.filter.InvalidConditionException;
import switchboard.audience.web.Keyset;
import switchboard.platform.web.ApiController;
import switchboard.platform.web.FieldError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** /api/v1/segments: saved groups of contacts and their members. Any member of the account may use it. */
@ApiController("/api/v1/segments")
@Tag(name = "Segments", description = "A contact is in a segment if it has any of its tags, is on any of its lists or was picked by hand, "
        + "and then matches every condition. A segment with only conditions holds every contact matching them.")
class SegmentsApiController {

    private final Segments segments;

    SegmentsApiController(Segments segments) {
        this.segments = segments;
    }

    @GetMapping
    @Operation(operationId = "listSegments", summary = "The account's segments, a page at a time in id order",
            description = "Member counts are not included here (each is a query over the account's contacts); GET one segment for its count.")
    SegmentsPage list(@AuthenticationPrincipal Member member,
                      @Parameter(description = "Page size, 1 to 500") @RequestParam(required = false) Integer limit,
                      @Parameter(description = "The next value of the previous page") @RequestParam(required = false) Long after) {
        Keyset keyset = Keyset.of(after, limit);
        var slice = keyset.slice(segments.page(member.accountId(), keyset.after(), keyset.fetchSize()), Segment::id);
        return new SegmentsPage(slice.items().stream().map(segment -> SegmentResponse.of(segment, null)).toList(), slice.next());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createSegment", summary = "Create a segment",
            description = "Every tag, list and contact must belong to the account and every condition must fit its attribute's type "
                    + "(400 naming the field). A name the account already has, in any case, answers 409.")
    ResponseEntity<SegmentResponse> create(@AuthenticationPrincipal Member member, @RequestBody SegmentRequest request) {
        Segment segment = segments.create(member.accountId(), request.definition());
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(segment.id()).toUri();
        return ResponseEntity.created(location).body(SegmentResponse.of(segment, null));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getSegment", summary = "One segment with its current member count",
            description = "A segment of another account answers 404. A segment whose condition no longer applies (its attribute was "
                    + "deleted) answers 409 until it is edited.")
    SegmentResponse get(@AuthenticationPrincipal Member member, @PathVariable long id) {
        Segment segment = segments.get(member.accountId(), id);
        return SegmentResponse.of(segment, segments.count(member.accountId(), id));
    }

    @PutMapping("/{id}")
    @Operation(operationId = "replaceSegment", summary = "Replace a segment's name, tags, lists, contacts and conditions",
            description = "Lists left out count as empty. The same checks as creating apply.")
    SegmentResponse replace(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestBody SegmentRequest request) {
        segments.get(member.accountId(), id);
        return SegmentResponse.of(segments.update(member.accountId(), id, request.definition()), null);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteSegment", summary = "Delete a segment", description = "Its contacts stay.")
    void delete(@AuthenticationPrincipal Member member, @PathVariable long id) {
        segments.delete(member.accountId(), id);
    }

    @GetMapping("/{id}/contacts")
    @Operation(operationId = "listSegmentContacts", summary = "The segment's contacts now, a page at a time in id order")
    MembersPage contacts(@AuthenticationPrincipal Member member, @PathVariable long id,
                         @Parameter(description = "Page size, 1 to 500") @RequestParam(required = false) Integer limit,
                         @Parameter(description = "The next value of the previous page") @RequestParam(required = false) Long after) {
        segments.get(member.accountId(), id);
        Keyset keyset = Keyset.of(after, limit);
        var slice = keyset.slice(segments.contacts(member.accountId(), id, keyset.after(), keyset.fetchSize()), ContactSummary::id);
        return new MembersPage(slice.items().stream().map(MemberResponse::of).toList(), slice.next());
    }

    @Schema(name = "SegmentCondition")
    record ConditionJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "city",
                                 description = "A default field (first_name, last_name, phone, email, company, source, created_at, updated_at) "
                                         + "or a custom attribute key") String attribute,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                 allowableValues = {"equals", "contains", "is_set", "not_set", "before", "after", "greater", "less"}) String operator,
                         @Schema(description = "What to compare with; leave out for is_set and not_set", example = "Austin", nullable = true)
                         String value) {

        static ConditionJson of(AttributeCondition condition) {
            return new ConditionJson(condition.attribute(), condition.operator().code(), condition.value());
        }
    }

    @Schema(name = "SegmentRequest")
    record SegmentRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Warm leads in Austin",
                                  description = "1 to 100 characters, unique in the account ignoring case") String name,
                          @Schema(description = "Any of these tags") List<Long> tagIds,
                          @Schema(description = "Any of these lists") List<Long> listIds,
                          @Schema(description = "Contacts picked by hand, at most 10,000") List<Long> contactIds,
                          @Schema(description = "All must match") List<ConditionJson> conditions) {

        SegmentDefinition definition() {
            List<AttributeCondition> parsed = new ArrayList<>();
            if (conditions != null) {
                for (int i = 0; i < conditions.size(); i++) {
                    ConditionJson condition = conditions.get(i);
                    if (condition == null) {
                        throw new FieldError("conditions", "Condition " + (i + 1) + " is missing.");
                    }
                    try {
                        ConditionOperator operator = condition.operator() == null ? null : ConditionOperator.ofCode(condition.operator());
                        parsed.add(new AttributeCondition(condition.attribute(), operator, condition.value()));
                    } catch (InvalidConditionException e) {
                        throw new FieldError("conditions", "Condition " + (i + 1) + ": " + e.getMessage() + ".");
                    }
                }
            }
            return new SegmentDefinition(name, tagIds, listIds, contactIds, parsed);
        }
    }

    @Schema(name = "Segment")
    record SegmentResponse(long id, String name, List<Long> tagIds, List<Long> listIds, List<Long> contactIds,
                           List<ConditionJson> conditions, Instant createdAt, Instant updatedAt,
                           @Schema(description = "Contacts in the segment now; only when one segment is read", nullable = true) Long memberCount) {

        static SegmentResponse of(Segment segment, Long memberCount) {
            return new SegmentResponse(segment.id(), segment.name(), segment.tagIds(), segment.listIds(), segment.contactIds(),
                    segment.conditions().stream().map(ConditionJson::of).toList(), segment.createdAt(), segment.updatedAt(), memberCount);
        }
    }

    @Schema(name = "SegmentsPage")
    record SegmentsPage(List<SegmentResponse> items,
                        @Schema(description = "Pass as after for the next page; null on the last page", nullable = true) String next) {
    }

    @Schema(name = "SegmentMember")
    record MemberResponse(long id, String firstName, String lastName, String phone, String email, String company,
                          @Schema(allowableValues = {"unknown", "opted_in", "opted_out"}) String consentStatus, String source, Instant createdAt) {

        static MemberResponse of(ContactSummary contact) {
            return new MemberResponse(contact.id(), contact.firstName(), contact.lastName(), contact.phone(), contact.email(),
                    contact.company(), contact.consentStatus().code(), contact.source(), contact.createdAt());
        }
    }

    @Schema(name = "SegmentMembersPage")
    record MembersPage(List<MemberResponse> items,
                       @Schema(description = "Pass as after for the next page; null on the last page", nullable = true) String next) {
    }
}
