package switchboard.accounts;

import java.net.URI;
import java.time.Instant;

/** What an invite says: who invites whom into which business, and the one-time link to accept. */
public record InvitationLetter(long accountId, String accountName, String email, Role role, String inviterName,
                               URI link, Instant expiresAt) {

    /** The link is a secret: keep it out of logs. */
    @Override
    public String toString() {
        return "InvitationLetter[accountId=" + accountId + ", email=" + email + ", role=" + role + "]";
    }
}
