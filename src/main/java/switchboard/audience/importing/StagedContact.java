package switchboard.audience.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One contact-to-be of a batch: the first row with a given phone or email, with later rows of
 * the same batch that repeat its phone or email merged in by the duplicate policy (as the
 * database merge does with a contact from an earlier batch or an earlier import).
 */
final class StagedContact {

    final List<ReadRow> rows = new ArrayList<>(1);
    String phone;
    String email;
    String firstName;
    String lastName;
    String company;
    Map<String, String> attributes;
    /**
     * False when {@link ImportKeys} found neither its phone nor its email among the account's
     * contacts or any earlier batch: nothing can match it but a contact someone else stores
     * meanwhile (which the unique indexes catch).
     */
    boolean mayMatch = true;
    /** Merged rows that changed something, and those that added nothing. */
    int mergedChanged;
    int mergedUnchanged;

    StagedContact(ContactRow row, char delimiter) {
        rows.add(ReadRow.of(row.source(), delimiter));
        phone = row.phone();
        email = row.email();
        firstName = row.firstName();
        lastName = row.lastName();
        company = row.company();
        attributes = row.attributes();
    }

    /** After encoding: phone and email stay, for matching against batches merged meanwhile ({@link RecentContacts}). */
    void forgetValues() {
        firstName = null;
        lastName = null;
        company = null;
        attributes = null;
    }

    long firstLine() {
        return rows.getFirst().line();
    }

    /** Merges a later row of the file; phone and email keys are the caller's to re-index. */
    void merge(ContactRow row, DuplicatePolicy policy, char delimiter) {
        rows.add(ReadRow.of(row.source(), delimiter));
        if (policy == DuplicatePolicy.SKIP) {
            mergedUnchanged++;
            return;
        }
        boolean overwrite = policy == DuplicatePolicy.OVERWRITE;
        String before = fingerprint();
        phone = pick(phone, row.phone(), overwrite);
        email = pick(email, row.email(), overwrite);
        firstName = pick(firstName, row.firstName(), overwrite);
        lastName = pick(lastName, row.lastName(), overwrite);
        company = pick(company, row.company(), overwrite);
        if (row.attributes() != null) {
            Map<String, String> merged = new LinkedHashMap<>();
            if (overwrite) {
                if (attributes != null) {
                    merged.putAll(attributes);
                }
                merged.putAll(row.attributes());
            } else {
                merged.putAll(row.attributes());
                if (attributes != null) {
                    merged.putAll(attributes);
                }
            }
            attributes = merged;
        }
        if (before.equals(fingerprint())) {
            mergedUnchanged++;
        } else {
            mergedChanged++;
        }
    }

    private static String pick(String current, String incoming, boolean overwrite) {
        if (incoming == null) {
            return current;
        }
        return current == null || overwrite ? incoming : current;
    }

    private String fingerprint() {
        return Objects.toString(phone) + '\u0000' + email + '\u0000' + firstName + '\u0000' + lastName + '\u0000'
                + company + '\u0000' + attributes;
    }

    String attributesJson() {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder(64).append('{');
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            // Keys are attribute keys, [a-z][a-z0-9_]*: nothing in them needs escaping.
            json.append('"').append(attribute.getKey()).append("\":").append(attribute.getValue());
        }
        return json.append('}').toString();
    }
}
