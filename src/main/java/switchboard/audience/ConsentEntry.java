package switchboard.audience;

import java.time.Instant;

/**
 * One entry of a contact's consent history as the ledger tells it: the status it moved to, how
 * ("import", "manual", "keyword", "web_form"), the import or user behind it, the evidence typed
 * with it, and the attestation text an importer agreed to (imports only).
 */
public record ConsentEntry(ConsentStatus status, String source, Long importId, Long userId, String evidence,
                           String attestation, Instant occurredAt) {
}
