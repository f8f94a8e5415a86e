package switchboard.audience.filter;

import switchboard.audience.ConsentStatus;

import java.time.Instant;

/** A row of the contacts list: what the table shows, without attributes. */
public record ContactSummary(long id, String firstName, String lastName, String phone, String email, String company,
                             ConsentStatus consentStatus, String source, Instant createdAt) {

    /** "First Last", or the phone or email when the contact has no name. */
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        if (!name.isEmpty()) {
            return name;
        }
        return phone != null ? phone : email != null ? email : "Contact " + id;
    }
}
