package switchboard.inbox.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import switchboard.accounts.Member;
import switchboard.platform.web.ApiController;

import java.time.Instant;
import java.util.List;

/** /api/v1/inboxes: the same operations as Settings -> Inboxes, for scripts and integrations. */
@ApiController("/api/v1/inboxes")
@Tag(name = "Inboxes", description = "Inboxes of your account and which teammates are their members. Channels route into inboxes.")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "401", description = "No valid API token",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class InboxesApiController {

    private final InboxService inboxes;

    InboxesApiController(InboxService inboxes) {
        this.inboxes = inboxes;
    }

    @GetMapping
    @Operation(operationId = "listInboxes", summary = "List inboxes", description = "Every inbox of the token's account, by name.")
    @ApiResponse(responseCode = "200", description = "The inboxes")
    List<InboxResponse> list(@AuthenticationPrincipal Member member) {
        return inboxes.list(member).stream().map(InboxResponse::of).toList();
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "createInbox", summary = "Create an inbox", description = "Owners and admins only. Names are unique in an account, ignoring case.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new inbox")
    @ApiResponse(responseCode = "400", description = "The name is missing or too long", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Agents cannot create inboxes", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "An inbox of that name exists", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<InboxResponse> create(@AuthenticationPrincipal Member member, @RequestBody InboxRequest request) {
        Inbox inbox = inboxes.create(member, new InboxName(request.name()));
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(inbox.id()).toUri();
        return ResponseEntity.created(location).body(InboxResponse.of(inbox));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getInbox", summary = "Get an inbox")
    @ApiResponse(responseCode = "200", description = "The inbox")
    @ApiResponse(responseCode = "404", description = "No inbox with this id in your account", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    InboxResponse get(@AuthenticationPrincipal Member member, @PathVariable long id) {
        return InboxResponse.of(inboxes.get(member, id));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "renameInbox", summary = "Rename an inbox", description = "Owners and admins only.")
    @ApiResponse(responseCode = "200", description = "The renamed inbox")
    @ApiResponse(responseCode = "400", description = "The name is missing or too long", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Agents cannot rename inboxes", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No inbox with this id in your account", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Another inbox has that name", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    InboxResponse rename(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestBody InboxRequest request) {
        return InboxResponse.of(inboxes.rename(member, id, new InboxName(request.name())));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteInbox", summary = "Delete an inbox", description = "Owners and admins only.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "Agents cannot delete inboxes", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No inbox with this id in your account", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    void delete(@AuthenticationPrincipal Member member, @PathVariable long id) {
        inboxes.delete(member, id);
    }

    @GetMapping("/{id}/members")
    @Operation(operationId = "listInboxMembers", summary = "List an inbox's members", description = "Active teammates who are members of the inbox, by name.")
    @ApiResponse(responseCode = "200", description = "The members")
    @ApiResponse(responseCode = "404", description = "No inbox with this id in your account", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    MembersResponse members(@AuthenticationPrincipal Member member, @PathVariable long id) {
        return MembersResponse.of(inboxes.members(member, id));
    }

    @PutMapping("/{id}/members")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "setInboxMembers", summary = "Set an inbox's members",
            description = "Owners and admins only. Replaces the members with exactly these users, each an active teammate in your account.")
    @ApiResponse(responseCode = "200", description = "The members now")
    @ApiResponse(responseCode = "400", description = "A user id is not an active teammate", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Agents cannot choose members", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No inbox with this id in your account", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    MembersResponse setMembers(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestBody MembersRequest request) {
        return MembersResponse.of(inboxes.setMembers(member, id, request.userIds()));
    }

    @Schema(name = "InboxRequest")
    record InboxRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "1 to 100 characters, unique in the account ignoring case", example = "Support") String name) {
    }

    @Schema(name = "Inbox")
    record InboxResponse(long id, String name, @Schema(description = "Active teammates who are members") int memberCount,
                         Instant createdAt, Instant updatedAt) {

        static InboxResponse of(Inbox inbox) {
            return new InboxResponse(inbox.id(), inbox.name(), inbox.memberCount(), inbox.createdAt(), inbox.updatedAt());
        }
    }

    @Schema(name = "InboxMembersRequest")
    record MembersRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "User ids of active teammates; an empty list removes every member") List<Long> userIds) {
    }

    @Schema(name = "InboxMembers")
    record MembersResponse(List<MemberResponse> members) {

        static MembersResponse of(List<InboxMember> members) {
            return new MembersResponse(members.stream()
                    .map(member -> new MemberResponse(member.userId(), member.name(), member.email(), member.role().code()))
                    .toList());
        }
    }

    @Schema(name = "InboxMember")
    record MemberResponse(long userId, String name, String email,
                          @Schema(allowableValues = {"owner", "admin", "agent"}) String role) {
    }
}
