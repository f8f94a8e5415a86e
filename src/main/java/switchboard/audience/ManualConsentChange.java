package switchboard.audience;

import java.time.Instant;

/** A teammate set a contact's SMS consent by hand on its profile (or through the API), with the evidence they gave. */
public record ManualConsentChange(long accountId, long contactId, ConsentStatus status, long userId, String evidence,
                                  Instant occurredAt) {
}
