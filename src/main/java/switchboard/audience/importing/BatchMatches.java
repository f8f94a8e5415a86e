package switchboard.audience.importing;

/**
 * What {@link ImportBatchRepository#matchExisting} found for a batch, by staged contact: the
 * contact that held its phone and the one that held its email when it looked, 0 for none.
 */
final class BatchMatches {

    private final long[] phoneContacts;
    private final long[] emailContacts;

    BatchMatches(int contacts) {
        phoneContacts = new long[contacts];
        emailContacts = new long[contacts];
    }

    void put(int g, long phoneContact, long emailContact) {
        phoneContacts[g] = phoneContact;
        emailContacts[g] = emailContact;
    }

    long phoneContact(int g) {
        return phoneContacts[g];
    }

    long emailContact(int g) {
        return emailContacts[g];
    }
}
