package switchboard.audience.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the rows of one batch that are the same person: a row whose phone or email was seen
 * earlier in the batch is merged into that earlier row's contact; a row whose phone belongs to
 * one and whose email to another is a conflict, reported and not merged. Afterwards every phone
 * and every email occurs at most once among the batch's contacts, which the set-based merge
 * relies on. Emails are compared case-insensitively, as the database does.
 */
final class BatchDeduplication {

    private final DuplicatePolicy policy;
    private final char delimiter;
    private final List<StagedContact> contacts = new ArrayList<>();
    private final List<RejectedRow> rejected = new ArrayList<>();
    private final Map<String, StagedContact> byPhone;
    private final Map<String, StagedContact> byEmail;

    BatchDeduplication(DuplicatePolicy policy, char delimiter) {
        this(policy, delimiter, 16);
    }

    BatchDeduplication(DuplicatePolicy policy, char delimiter, int expectedRows) {
        this.policy = policy;
        this.delimiter = delimiter;
        this.byPhone = HashMap.newHashMap(expectedRows);
        this.byEmail = HashMap.newHashMap(expectedRows);
    }

    void add(ContactRow row) {
        String emailKey = row.email() == null ? null : row.email().toLowerCase(Locale.ROOT);
        StagedContact samePhone = row.phone() == null ? null : byPhone.get(row.phone());
        StagedContact sameEmail = emailKey == null ? null : byEmail.get(emailKey);
        if (samePhone != null && sameEmail != null && samePhone != sameEmail) {
            rejected.add(new RejectedRow(row.line(), row.source().text(delimiter),
                    "Conflict: the phone is on the row of line " + samePhone.firstLine()
                            + " and the email on the row of line " + sameEmail.firstLine() + " (different contacts); not merged"));
            return;
        }
        StagedContact existing = samePhone != null ? samePhone : sameEmail;
        if (existing == null) {
            StagedContact contact = new StagedContact(row, delimiter);
            contacts.add(contact);
            index(contact);
            return;
        }
        String phoneBefore = existing.phone;
        String emailBefore = existing.email;
        existing.merge(row, policy, delimiter);
        if (phoneBefore != null && !phoneBefore.equals(existing.phone)) {
            byPhone.remove(phoneBefore);
        }
        if (emailBefore != null && !emailBefore.equalsIgnoreCase(existing.email)) {
            byEmail.remove(emailBefore.toLowerCase(Locale.ROOT));
        }
        index(existing);
    }

    void reject(RejectedRow row) {
        rejected.add(row);
    }

    private void index(StagedContact contact) {
        if (contact.phone != null) {
            byPhone.put(contact.phone, contact);
        }
        if (contact.email != null) {
            byEmail.put(contact.email.toLowerCase(Locale.ROOT), contact);
        }
    }

    List<StagedContact> contacts() {
        return contacts;
    }

    List<RejectedRow> rejected() {
        return rejected;
    }
}
