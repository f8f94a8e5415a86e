package switchboard.audience.importing;

/**
 * The rows of a batch with a match known before its merge (encoded for COPY into
 * import_known): the contact holding the row's phone, the one holding its email, and whether
 * the merge must probe the email index itself because Java cannot compare that email the way
 * the database does. Rows absent from it match no contact.
 */
final class KnownMatches {

    private final CopyText rows;
    private int size;

    KnownMatches(int expectedRows) {
        rows = new CopyText(expectedRows * 24);
    }

    void add(int g, long phoneContact, long emailContact, boolean probeEmail) {
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
        rows.value(probeEmail ? "t" : "f").endRow();
        size++;
    }

    int size() {
        return size;
    }

    byte[] copyRows() {
        return rows.toBytes();
    }
}
