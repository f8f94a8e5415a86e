package switchboard.compliance;

import switchboard.audience.ConsentStatus;

import java.time.Instant;

/**
 * One entry of a contact's consent history: the status it moved to, how (import, manual,
 * keyword, web form), who, and the evidence (an import's attestation text, a keyword message).
 */
public record ConsentRecord(long contactId, ConsentStatus status, String source, Long importId, Long userId,
                            String evidence, Instant occurredAt) {
}
