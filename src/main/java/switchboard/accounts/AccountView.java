package switchboard.accounts;

import java.time.Instant;

/** An account (a business) as other modules see it. */
public record AccountView(long id, String name, String timeZone, String defaultCountry, Instant createdAt) {
}
