package switchboard.audience;

import java.time.Instant;

/** What an importer attested about the consent of a file's contacts, by whom and when. */
public record ConsentAttestation(long accountId, long importId, long userId, String text, Instant attestedAt) {
}
