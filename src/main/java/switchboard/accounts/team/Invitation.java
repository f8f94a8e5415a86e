package switchboard.accounts.team;

import switchboard.accounts.Role;

import java.time.Instant;

/** An invite into one account with one role; its link works once, until it expires or is revoked. */
public record Invitation(long id, long accountId, String accountName, String email, Role role, String invitedByName,
                         Instant createdAt, Instant expiresAt, Instant acceptedAt, Instant revokedAt) {

    public enum Status { PENDING, ACCEPTED, REVOKED, EXPIRED }

    public Status status(Instant now) {
        if (acceptedAt != null) {
            return Status.ACCEPTED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.PENDING : Status.EXPIRED;
    }
}
