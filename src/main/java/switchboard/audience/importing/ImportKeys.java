package switchboard.audience.importing;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;

import java.nio.charset.StandardCharsets;

/**
 * The phones and emails an import's rows may meet in the account: a Bloom filter of the keys the
 * account's contacts held when the run began, to which the reader adds each batch's keys before
 * the next batch. A row none of whose keys is in it cannot match a contact of the account or of an
 * earlier batch, so the matcher does not probe the indexes for it: most rows of a large import
 * are new, and those probes were the matcher's whole work (about 5 s of database CPU per million
 * rows). "Maybe" is sometimes wrong (about 1 in 100 keys): that row is probed as before.
 *
 * <p>A contact someone else creates after the run began is not in the filter. The row that
 * shares its phone or email is then inserted, the unique index refuses it, and the batch is
 * merged again probing every row (ImportJob's retry), so nothing is ever duplicated.
 *
 * <p>Sized for the account's contacts plus the file's estimated rows, and capped, so memory stays
 * bounded (at most {@value #MAX_KEYS} keys' worth, about 19 MB); past that, "maybe" is just wrong
 * more often. Used by the reader thread only, after {@link #load} on the job's thread.
 */
final class ImportKeys {

    static final int MAX_KEYS = 16_000_000;
    private static final double FALSE_POSITIVES = 0.01;

    private final BloomFilter<CharSequence> keys;

    ImportKeys(long expectedKeys) {
        keys = BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8),
                Math.clamp(expectedKeys, 1_000, MAX_KEYS), FALSE_POSITIVES);
    }

    /** A stored contact's phone and lower-case email key (as the database keys it). */
    void addStored(String phone, String emailKey) {
        if (phone != null) {
            keys.put(phone);
        }
        if (emailKey != null) {
            keys.put(emailKey);
        }
    }

    /** Whether a staged contact's phone or email may already belong to a contact. */
    boolean mayMatch(StagedContact contact) {
        if (contact.phone != null && keys.mightContain(contact.phone)) {
            return true;
        }
        if (contact.email == null) {
            return false;
        }
        // An email Java cannot lower-case as the database does is always probed (see RecentContacts).
        String email = RecentContacts.comparableEmail(contact.email);
        return email == null || keys.mightContain(email);
    }

    /** A staged contact's keys, once its batch is prepared: later batches may meet them. */
    void add(StagedContact contact) {
        addStored(contact.phone, RecentContacts.comparableEmail(contact.email));
    }
}
