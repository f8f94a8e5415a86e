package switchboard.audience;

import java.time.Instant;
import java.util.Map;

/** A contact as other modules see it. phone is E.164 or null; attributes are custom attribute values by key. */
public record ContactView(long id, long accountId, String firstName, String lastName, String phone, String email,
                          String company, Map<String, Object> attributes, ConsentStatus consentStatus,
                          String source, Instant createdAt, Instant updatedAt) {
}
