package switchboard.audience.contact;

import switchboard.audience.filter.ContactSummary;

import java.util.List;

/** A row of the contacts table: the contact, its phone as people read it, its tags, its creation day in the account's time zone. */
public record ContactRow(ContactSummary contact, String phoneDisplay, List<String> tags, String created) {

    public String consentLabel() {
        return ConsentLabels.of(contact.consentStatus());
    }
}
