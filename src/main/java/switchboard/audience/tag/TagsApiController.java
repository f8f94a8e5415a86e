package switchboard.audience.tag;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

import java.time.Instant;
import java.util.List;

/** /api/v1/tags: the Tags tab for scripts and integrations. Any member of the account may use it. */
@ApiController("/api/v1/tags")
@Tag(name = "Tags", description = "Tags of your account's contacts. Names are unique in an account, ignoring case.")
class TagsApiController {

    private final Tags tags;

    TagsApiController(Tags tags) {
        this.tags = tags;
    }

    @GetMapping
    @Operation(operationId = "listTags", summary = "The account's tags with their contact counts, a page at a time in id order")
    TagsPage list(@AuthenticationPrincipal Member member,
                  @Parameter(description = "Page size, 1 to 500") @RequestParam(required = false) Integer limit,
                  @Parameter(description = "The next value of the previous page") @RequestParam(required = false) Long after) {
        Keyset keyset = Keyset.of(after, limit);
        var slice = keyset.slice(tags.page(member.accountId(), keyset.after(), keyset.fetchSize()), switchboard.audience.tag.Tag::id);
        return new TagsPage(slice.items().stream().map(TagResponse::of).toList(), slice.next());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createTag", summary = "Create a tag",
            description = "Answers 201 with the tag and its address in Location. A name the account already has, in any case, answers 409.")
    ResponseEntity<TagResponse> create(@AuthenticationPrincipal Member member, @RequestBody TagRequest request) {
        var tag = tags.create(member.accountId(), request.name());
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(tag.id()).toUri();
        return ResponseEntity.created(location).body(TagResponse.of(tag));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getTag", summary = "One tag with its contact count", description = "A tag of another account answers 404.")
    TagResponse get(@AuthenticationPrincipal Member member, @PathVariable long id) {
        return TagResponse.of(tags.get(member.accountId(), id));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "renameTag", summary = "Rename a tag", description = "A name another tag of the account has, in any case, answers 409.")
    TagResponse rename(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestBody TagRequest request) {
        return TagResponse.of(tags.rename(member.accountId(), id, request.name()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteTag", summary = "Delete a tag", description = "Removes the tag from every contact, list and segment; the contacts stay.")
    void delete(@AuthenticationPrincipal Member member, @PathVariable long id) {
        tags.delete(member.accountId(), id);
    }

    @Schema(name = "TagRequest")
    record TagRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "VIP",
            description = "1 to 60 characters after trimming, unique in the account ignoring case") String name) {
    }

    @Schema(name = "Tag")
    record TagResponse(long id, String name, @Schema(description = "Contacts that carry the tag") long contactCount, Instant createdAt) {

        static TagResponse of(switchboard.audience.tag.Tag tag) {
            return new TagResponse(tag.id(), tag.name(), tag.contactCount(), tag.createdAt());
        }
    }

    @Schema(name = "TagsPage")
    record TagsPage(List<TagResponse> items,
                    @Schema(description = "Pass as after for the next page; null on the last page", nullable = true) String next) {
    }
}
