package switchboard.audience.importing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The phones and emails of the contacts that the last few batches of an import created or
 * changed, kept by the merging thread. A batch is matched ahead on another connection while the
 * batches before it still merge (see {@link ImportJob}); what those batches committed after the
 * match looked is found here instead, so a file that repeats a person across a batch boundary
 * still merges the two rows. Holds the newest {@value #BATCHES} batches only, so memory stays
 * bounded by the batch size; a batch matched further back is matched again in its merge.
 */
final class RecentContacts {

    static final int BATCHES = 3;

    /** The keys one batch left behind; the newest holder of a key wins. */
    static final class Keys {
        private final Map<String, Long> phones = new HashMap<>();
        private final Map<String, Long> emails = new HashMap<>();
        private int size;

        void add(long contactId, String phone, String emailKey) {
            size++;
            if (phone != null) {
                phones.put(phone, contactId);
            }
            if (emailKey != null) {
                emails.put(emailKey, contactId);
            }
        }

        int size() {
            return size;
        }
    }

    private record Committed(long batch, Keys keys) {
    }

    /** Newest first. */
    private final Deque<Committed> batches = new ArrayDeque<>();

    /** Records the keys of the batch numbered {@code batch} (1, 2, ...) once it has committed. */
    void committed(long batch, Keys keys) {
        batches.addFirst(new Committed(batch, keys));
        while (batches.size() > BATCHES) {
            batches.removeLast();
        }
    }

    /**
     * The matches a batch's merge starts from: what the match ahead found when {@code seenBatches}
     * batches had committed, overridden by what later batches left behind. Null when a batch it
     * would need is no longer held: then the merge matches every row itself.
     */
    KnownMatches known(List<StagedContact> contacts, BatchMatches matches, long seenBatches) {
        long newest = batches.isEmpty() ? seenBatches : batches.getFirst().batch();
        long oldestHeld = batches.isEmpty() ? newest + 1 : batches.getLast().batch();
        if (newest > seenBatches && oldestHeld > seenBatches + 1) {
            return null;
        }
        KnownMatches known = new KnownMatches(contacts.size() / 20);
        for (int g = 0; g < contacts.size(); g++) {
            StagedContact contact = contacts.get(g);
            long phoneContact = matches.phoneContact(g);
            long emailContact = matches.emailContact(g);
            String emailKey = comparableEmail(contact.email);
            boolean probeEmail = contact.email != null && emailKey == null;
            for (Committed committed : batches) {
                if (committed.batch() <= seenBatches) {
                    break;
                }
                Long byPhone = contact.phone == null ? null : committed.keys().phones.get(contact.phone);
                if (byPhone != null) {
                    phoneContact = byPhone;
                    break;
                }
            }
            if (emailKey != null) {
                for (Committed committed : batches) {
                    if (committed.batch() <= seenBatches) {
                        break;
                    }
                    Long byEmail = committed.keys().emails.get(emailKey);
                    if (byEmail != null) {
                        emailContact = byEmail;
                        break;
                    }
                }
            }
            if (phoneContact != 0 || emailContact != 0 || probeEmail) {
                known.add(g, phoneContact, emailContact, probeEmail);
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
