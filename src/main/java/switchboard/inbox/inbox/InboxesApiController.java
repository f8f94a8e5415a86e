package switchboard.inbox.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
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
class InboxesApiController {

    private final InboxService inboxes;

    InboxesApiController(InboxService inboxes) {
        this.inboxes = inboxes;
    }

    @GetMapping
    @Operation(operationId = "listInboxes", summary = "Every inbox of the account, by name")
    List<InboxResponse> list(@AuthenticationPrincipal Member member) {
        return inboxes.list(member).stream().map(InboxResponse::of).toList();
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createInbox", summary = "Create an inbox (owners and admins)",
            description = "Answers 201 with the inbox and its address in Location. Names are unique in an account, ignoring case (409).")
    ResponseEntity<InboxResponse> create(@AuthenticationPrincipal Member member, @RequestBody InboxRequest request) {
        Inbox inbox = inboxes.create(member, new InboxName(request.name()));
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(inbox.id()).toUri();
        return ResponseEntity.created(location).body(InboxResponse.of(inbox));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getInbox", summary = "One inbox", description = "An inbox of another account answers 404.")
    InboxResponse get(@AuthenticationPrincipal Member member, @PathVariable long id) {
        return InboxResponse.of(inboxes.get(member, id));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "renameInbox", summary = "Rename an inbox (owners and admins)",
            description = "A name another inbox of the account has, in any case, answers 409.")
    InboxResponse rename(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestBody InboxRequest request) {
        return InboxResponse.of(inboxes.rename(member, id, new InboxName(request.name())));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteInbox", summary = "Delete an inbox (owners and admins)")
    void delete(@AuthenticationPrincipal Member member, @PathVariable long id) {
        inboxes.delete(member, id);
    }

    @GetMapping("/{id}/members")
    @Operation(operationId = "listInboxMembers", summary = "The inbox's members: active teammates chosen for it, by name")
    MembersResponse members(@AuthenticationPrincipal Member member, @PathVariable long id) {
        return MembersResponse.of(inboxes.members(member, id));
    }

    @PutMapping("/{id}/members")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "setInboxMembers", summary = "Choose the inbox's members (owners and admins)",
            description = "Replaces the members with exactly these users. Each must be an active teammate in the account (400 naming userIds).")
    MembersResponse setMembers(@AuthenticationPrincipal Member member, @PathVariable long id, @RequestBody MembersRequest request) {
        return MembersResponse.of(inboxes.setMembers(member, id, request.userIds()));
    }

    @Schema(name = "InboxRequest")
    record InboxRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Support",
            description = "1 to 100 characters, unique in the account ignoring case") String name) {
    }

    @Schema(name = "Inbox")
    record InboxResponse(long id, String name, @Schema(description = "Active teammates who are members") int memberCount,
                         Instant createdAt, Instant updatedAt) {

        static InboxResponse of(Inbox inbox) {
            return new InboxResponse(inbox.id(), inbox.name(), inbox.memberCount(), inbox.createdAt(), inbox.updatedAt());
        }
    }

    @Schema(name = "InboxMembersRequest")
    record MembersRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            description = "User ids of active teammates; an empty list removes every member") List<Long> userIds) {
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
