package switchboard.accounts.team;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.accounts.Teammate;
import switchboard.platform.web.ApiController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

@ApiController("/api/v1/teammates")
@Tag(name = "Teammates", description = "The account's team: roles, access and invites. Roles are owner, admin and agent.")
class TeammatesApiController {

    private final Team team;
    private final Invitations invitations;

    TeammatesApiController(Team team, Invitations invitations) {
        this.team = team;
        this.invitations = invitations;
    }

    @GetMapping
    @Operation(operationId = "listTeammates", summary = "Everyone in the account, active or deactivated")
    List<TeammateResponse> teammates(@AuthenticationPrincipal Member member) {
        return team.teammates(member).stream().map(TeammateResponse::of).toList();
    }

    @GetMapping("/{userId}")
    @Operation(operationId = "getTeammate", summary = "One teammate", description = "A user who is not in this account answers 404.")
    TeammateResponse teammate(@AuthenticationPrincipal Member member, @PathVariable long userId) {
        return TeammateResponse.of(team.teammate(member, userId));
    }

    @PatchMapping("/{userId}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "changeTeammate", summary = "Change a teammate's role or access (owners and admins)",
            description = "Only an owner makes someone an owner or changes an owner (403). The last active owner cannot be "
                    + "demoted or deactivated, and nobody deactivates themselves (409).")
    TeammateResponse change(@AuthenticationPrincipal Member member, @PathVariable long userId, @RequestBody TeammateChange change) {
        Role role = change.role() == null ? null : Role.parse(change.role());
        return TeammateResponse.of(team.change(member, userId, role, change.active()));
    }

    @GetMapping("/invitations")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "listInvitations", summary = "Invites waiting to be accepted (owners and admins)")
    List<InvitationResponse> invitations(@AuthenticationPrincipal Member member) {
        return invitations.pending(member).stream().map(i -> InvitationResponse.of(i, null)).toList();
    }

    @PostMapping("/invitations")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createInvitation", summary = "Invite someone by email (owners and admins)",
            description = "The response holds the invite link (inviteUrl) once; send it to the person invited. It works once, "
                    + "for seven days. A newer invite for the same email replaces older links.")
    InvitationResponse invite(@AuthenticationPrincipal Member member, @RequestBody InvitationRequest request) {
        var created = invitations.invite(member, request.email(), request.role(),
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUri());
        return InvitationResponse.of(created.invitation(), created.link());
    }

    @DeleteMapping("/invitations/{invitationId}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeInvitation", summary = "Revoke a pending invite (owners and admins)")
    void revoke(@AuthenticationPrincipal Member member, @PathVariable long invitationId) {
        invitations.revoke(member, invitationId);
    }

    record TeammateResponse(long userId, String name, String email, @Schema(allowableValues = {"owner", "admin", "agent"}) String role,
                            boolean active) {

        static TeammateResponse of(Teammate teammate) {
            return new TeammateResponse(teammate.userId(), teammate.name(), teammate.email(), teammate.role().code(), teammate.active());
        }
    }

    /** Either field may be left out. role: owner, admin or agent. */
    record TeammateChange(@Schema(allowableValues = {"owner", "admin", "agent"}) String role, Boolean active) {
    }

    record InvitationRequest(String email, @Schema(allowableValues = {"owner", "admin", "agent"}) String role) {
    }

    /** inviteUrl is present only in the answer to the invite itself. */
    record InvitationResponse(long id, String email, String role, String invitedBy, Instant createdAt, Instant expiresAt, URI inviteUrl) {

        static InvitationResponse of(Invitation invitation, URI link) {
            return new InvitationResponse(invitation.id(), invitation.email(), invitation.role().code(), invitation.invitedByName(),
                    invitation.createdAt(), invitation.expiresAt(), link);
        }

        @Override
        public String toString() {
            return "InvitationResponse[id=" + id + "]";
        }
    }
}
