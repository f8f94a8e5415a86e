package switchboard.audience.list;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import switchboard.accounts.Member;
import switchboard.audience.web.Keyset;
import switchboard.platform.web.ApiController;
import switchboard.platform.web.FieldError;

import java.time.Instant;
import java.util.List;

/** /api/v1/lists: lists of contacts, their tags and members. Any member of the account may use it. */
@ApiController("/api/v1/lists")
@Tag(name = "Lists", description = "Named lists of contacts. Tags on a list are given to its members, including contacts added later.")
class ListsApiController {

    private final Lists lists;

    ListsApiController(Lists lists) {
        this.lists = lists;
    }

    @GetMapping
    @Operation(operationId = "listLists", summary = "The account's lists with member counts and tags, a page at a time in id order")
    ListsPage list(@AuthenticationPrincipal Member member,
                   @Parameter(description = "Page size, 1 to 500") @RequestParam(required = false) Integer limit,
                   @Parameter(description = "The next value of the previous page") @RequestParam(required = false) Long after) {
        Keyset keyset = Keyset.of(after, limit);
        var slice = keyset.slice(lists.page(member.accountId(), keyset.after(), keyset.fetchSize()), ContactList::id);
        return new ListsPage(slice.items().stream().map(ListResponse::of).toList(), slice.next());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(operationId = "createList", summary = "Create a list, optionally tagged",
            description = "Answers 201 with the list and its address in Location. A name the account already has, in any case, answers 409.")
    ResponseEntity<ListResponse> create(@AuthenticationPrincipal Member member, @RequestBody ListRequest request) {
        ContactList list = lists.create(member.accountId(), request.name());
        if (request.tagIds() != null && !request.tagIds().isEmpty()) {
            list = lists.setTags(member.accountId(), list.id(), request.tagIds());
        }
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(list.id()).toUri();
        return ResponseEntity.created(location).body(ListResponse.of(list));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getList", summary = "One list with its member count and tags", description = "A list of another account answers 404.")
    ListResponse get(@AuthenticationPrincipal Member member, @PathVariable long id) {
        return ListResponse.of(lists.get(member.accountId(), id));
    }

    @PatchMapping("/{id}")
    @Transactional
    @Operation(operationId = "updateList", summary = "Rename a list or choose its tags",
            description = "Fields left out stay as they are. tagIds replaces the list's tags: a new tag is given to every current member "
                    + "(and to contacts added later); a removed tag stops applying to new members, current members keep it.")
    ListResponse update(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestBody ListRequest request) {
        lists.get(member.accountId(), id);
        if (request.name() != null) {
            lists.rename(member.accountId(), id, request.name());
        }
        if (request.tagIds() != null) {
            lists.setTags(member.accountId(), id, request.tagIds());
        }
        return ListResponse.of(lists.get(member.accountId(), id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteList", summary = "Delete a list", description = "Its members stay as contacts, with their tags.")
    void delete(@AuthenticationPrincipal Member member, @PathVariable long id) {
        lists.delete(member.accountId(), id);
    }

    @PostMapping("/{id}/members")
    @Transactional
    @Operation(operationId = "addListMembers", summary = "Add contacts to a list",
            description = "Contacts already on the list stay. Each id must be a contact of the account (400 naming contactIds); "
                    + "the list's tags are given to the added contacts.")
    MembersResponse addMembers(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestBody MembersRequest request) {
        lists.get(member.accountId(), id);
        long[] ids = request.ids();
        lists.requireContacts(member.accountId(), ids, "contactIds");
        int added = lists.add(member.accountId(), id, ids);
        return new MembersResponse(added, lists.get(member.accountId(), id).memberCount());
    }

    @DeleteMapping("/{id}/members")
    @Transactional
    @Operation(operationId = "removeListMembers", summary = "Take contacts off a list",
            description = "The contacts stay, with their tags. Ids of contacts that are not on the list are ignored.")
    MembersResponse removeMembers(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestBody MembersRequest request) {
        lists.get(member.accountId(), id);
        int removed = lists.remove(member.accountId(), id, request.ids());
        return new MembersResponse(removed, lists.get(member.accountId(), id).memberCount());
    }

    @Schema(name = "ListRequest")
    record ListRequest(@Schema(example = "Leads", description = "1 to 100 characters after trimming, unique in the account ignoring case; "
                               + "required to create") String name,
                       @Schema(description = "Ids of the account's tags to apply to the list; left out: unchanged") List<Long> tagIds) {
    }

    @Schema(name = "List")
    record ListResponse(long id, String name, long memberCount, Instant createdAt, List<ListTagResponse> tags) {

        static ListResponse of(ContactList list) {
            return new ListResponse(list.id(), list.name(), list.memberCount(), list.createdAt(),
                    list.tags().stream().map(tag -> new ListTagResponse(tag.id(), tag.name())).toList());
        }
    }

    /** tagId rather than id: lists' ids and tags' ids are separate sequences and must not be confused. */
    @Schema(name = "ListTag")
    record ListTagResponse(long tagId, String name) {
    }

    @Schema(name = "ListsPage")
    record ListsPage(List<ListResponse> items,
                     @Schema(description = "Pass as after for the next page; null on the last page", nullable = true) String next) {
    }

    @Schema(name = "ListMembersRequest")
    record MembersRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Contact ids, at most 10,000")
                          List<Long> contactIds) {

        long[] ids() {
            if (contactIds == null) {
                throw new FieldError("contactIds", "List the contact ids.");
            }
            if (contactIds.size() > Lists.MAX_IDS) {
                throw new FieldError("contactIds", "Send at most " + Lists.MAX_IDS + " contact ids at a time; this request had " + contactIds.size() + ".");
            }
            if (contactIds.contains(null)) {
                throw new FieldError("contactIds", "A contact id is missing.");
            }
            return contactIds.stream().mapToLong(Long::longValue).distinct().toArray();
        }
    }

    @Schema(name = "ListMembersChange")
    record MembersResponse(@Schema(description = "Contacts added or removed by this request") int changed,
                           @Schema(description = "The list's members afterwards") long memberCount) {
    }
}
