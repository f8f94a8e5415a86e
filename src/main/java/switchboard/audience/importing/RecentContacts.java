package switchboard.audience.importing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The phones and emails of the last few batches an import merged, kept by the merging thread. A
 * batch is matched ahead on another connection while the batches before it still merge (see
 * {@link ImportJob}); a row whose phone or email one of those batches wrote after the match
 * looked is probed again in its own merge, so a file that repeats a person across a batch
 * boundary still merges the two rows. Holds the newest {@value #BATCHES} batches only, so memory
 * stays bounded by the batch size; a batch matched further back is matched again in its merge.
 */
final class RecentContacts {

    static final int BATCHES = 3;

    /** A merged batch's phones and emails (as {@link #comparableEmail}), whatever the merge did with them. */
    private record Merged(long batch, Set<String> phones, Set<String> emails) {
    }

    /** Newest first. */
    private final Deque<Merged> batches = new ArrayDeque<>();

    /** Records the batch numbered {@code batch} (1, 2, ...) once it has committed. */
    void committed(long batch, List<StagedContact> contacts) {
        Set<String> phones = HashSet.newHashSet(contacts.size());
        Set<String> emails = HashSet.newHashSet(contacts.size());
        for (StagedContact contact : contacts) {
            if (contact.phone != null) {
                phones.add(contact.phone);
            }
            String email = comparableEmail(contact.email);
            if (email != null) {
                emails.add(email);
            }
        }
        batches.addFirst(new Merged(batch, phones, emails));
        while (batches.size() > BATCHES) {
            batches.removeLast();
        }
    }

    /**
     * The matches a batch's merge starts from: what the match ahead found when {@code seenBatches}
     * batches had committed, and a probe for every phone or email a later batch wrote. Null when a
     * batch it would need is no longer held: then the merge matches every row itself.
     */
    KnownMatches known(List<StagedContact> contacts, BatchMatches matches, long seenBatches) {
        List<Merged> unseen = batches.stream().filter(merged -> merged.batch() > seenBatches).toList();
        long newest = batches.isEmpty() ? seenBatches : batches.getFirst().batch();
        if (newest - seenBatches > unseen.size()) {
            return null;
        }
        KnownMatches known = new KnownMatches(contacts.size() / 20);
        for (int g = 0; g < contacts.size(); g++) {
            StagedContact contact = contacts.get(g);
            if (!contact.mayMatch) {
                // No earlier batch has its keys (ImportKeys holds all of theirs), nor did the match find any.
                continue;
            }
            String email = comparableEmail(contact.email);
            boolean probePhone = false;
            boolean probeEmail = false;
            for (Merged merged : unseen) {
                probePhone |= contact.phone != null && merged.phones().contains(contact.phone);
                probeEmail |= email != null && merged.emails().contains(email);
            }
            // An email Java cannot compare as the database does is always probed.
            probeEmail |= contact.email != null && email == null;
            long phoneContact = matches.phoneContact(g);
            long emailContact = matches.emailContact(g);
            if (phoneContact != 0 || emailContact != 0 || probePhone || probeEmail) {
                known.add(g, phoneContact, emailContact, probePhone, probeEmail);
            }
        }
        return known;
    }

    /**
     * The email as the database's lower() keys it, when Java can be sure to agree: for ASCII both
     * lower-case A-Z only. Other emails (rare) are left to the database to compare.
     */
    static String comparableEmail(String email) {
        if (email == null) {
            return null;
        }
        for (int i = 0; i < email.length(); i++) {
            if (email.charAt(i) >= 128) {
                return null;
            }
        }
        return email.toLowerCase(Locale.ROOT);
    }
}
