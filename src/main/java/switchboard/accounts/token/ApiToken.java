package switchboard.accounts.token;

import java.time.Instant;

/** A live API token as its owner sees it: never the secret, only its last four characters. */
public record ApiToken(long id, String name, String hint, Instant createdAt, Instant lastUsedAt) {
}
