package switchboard.audience.note;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import switchboard.accounts.Accounts;
import switchboard.accounts.Member;
import switchboard.accounts.Teammate;
import switchboard.audience.ContactView;
import switchboard.audience.contact.ContactNames;
import switchboard.audience.contact.ContactRepository;
import switchboard.platform.live.LiveEvents;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.NotFoundException;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Teammates' notes on a contact ("prefers texts after 5 pm"). Any member adds notes and deletes
 * their own; a note of someone else stays. Authors are named as the team list names them now;
 * a teammate no longer in the account shows as "Former teammate".
 */
@Service
public class Notes {

    public static final int MAX_BODY = 5000;
    static final String LIVE_TYPE = "audience.contact.changed";

    private final NoteRepository notes;
    private final ContactRepository contacts;
    private final Accounts accounts;
    private final LiveEvents live;
    private final Clock clock;

    Notes(NoteRepository notes, ContactRepository contacts, Accounts accounts, LiveEvents live, Clock clock) {
        this.notes = notes;
        this.contacts = contacts;
        this.accounts = accounts;
        this.live = live;
        this.clock = clock;
    }

    public List<Note> of(Member member, long contactId) {
        contact(member, contactId);
        Map<Long, String> names = authors(member.accountId());
        return notes.of(member.accountId(), contactId).stream()
                .map(note -> new Note(note.id(), note.contactId(), note.authorId(), names.getOrDefault(note.authorId(), "Former teammate"),
                        note.body(), note.createdAt()))
                .toList();
    }

    @Transactional
    public Note add(Member member, long contactId, String body) {
        ContactView contact = contact(member, contactId);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new FieldError("body", "Write the note first.");
        }
        if (text.length() > MAX_BODY) {
            throw new FieldError("body", "A note has at most " + MAX_BODY + " characters (this one has " + text.length() + ").");
        }
        long id = notes.add(member.accountId(), contactId, member.userId(), text, clock.instant());
        live.publish(member.accountId(), LIVE_TYPE, contactId, member.name() + " added a note on " + ContactNames.of(contact));
        return of(member, contactId).stream().filter(note -> note.id() == id).findFirst().orElseThrow();
    }

    /** Deletes the member's own note; someone else's note is refused (403), another contact's or account's is not found. */
    @Transactional
    public void delete(Member member, long contactId, long noteId) {
        ContactView contact = contact(member, contactId);
        NoteRepository.StoredNote note = notes.find(member.accountId(), contactId, noteId)
                .orElseThrow(() -> new NotFoundException("Note " + noteId));
        if (note.authorId() != member.userId()) {
            throw new AccessDeniedException("Only its author deletes a note.");
        }
        notes.delete(member.accountId(), contactId, noteId);
        live.publish(member.accountId(), LIVE_TYPE, contactId, member.name() + " deleted a note on " + ContactNames.of(contact));
    }

    private ContactView contact(Member member, long contactId) {
        return contacts.find(member.accountId(), contactId).orElseThrow(() -> new NotFoundException("Contact " + contactId));
    }

    private Map<Long, String> authors(long accountId) {
        return accounts.teammates(accountId).stream().collect(Collectors.toMap(Teammate::userId, Teammate::name, (a, b) -> a));
    }
}
