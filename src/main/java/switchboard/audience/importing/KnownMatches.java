package switchboard.audience.importing;

/**
 * The rows of a batch with a match known before its merge (encoded for COPY into
 * import_known): the contact that held the row's phone and the one that held its email when the
 * match looked, and whether the merge must probe the phone or email index itself (a batch merged
 * since wrote that phone or email, or Java cannot compare the email as the database does). Rows
 * absent from it match no contact.
 */
final class KnownMatches {

    private final CopyText rows;
    private int size;

    KnownMatches(int expectedRows) {
        rows = new CopyText(expectedRows * 24);
    }

    void add(int g, long phoneContact, long emailContact, boolean probePhone, boolean probeEmail) {
        rows.value(g);
        if (phoneContact == 0) {
            rows.value((String) null);
        } else {
            rows.value(phoneContact);
        }
        if (emailContact == 0) {
            rows.value((String) null);
        } else {
            rows.value(emailContact);
        }
        rows.value(probePhone ? "t" : "f").value(probeEmail ? "t" : "f").endRow();
        size++;
    }

    int size() {
        return size;
    }

    byte[] copyRows() {
        return rows.toBytes();
    }
}
