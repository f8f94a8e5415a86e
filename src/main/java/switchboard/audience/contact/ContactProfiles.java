package switchboard.audience.contact;

import org.springframework.stereotype.Service;
import switchboard.accounts.Accounts;
import switchboard.accounts.Member;
import switchboard.accounts.Teammate;
import switchboard.audience.ConsentEntry;
import switchboard.audience.ContactView;
import switchboard.audience.attribute.AttributeDefinition;
import switchboard.audience.note.Notes;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Puts a contact's profile together for the page (and for the chats page, which embeds the same fragment). */
@Service
public class ContactProfiles {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, uuuu, h:mm a", Locale.US);
    private static final List<String[]> DEFAULT_FIELDS = List.of(
            new String[] {"first_name", "First name"}, new String[] {"last_name", "Last name"}, new String[] {"phone", "Phone"},
            new String[] {"email", "Email"}, new String[] {"company", "Company"});

    private final Contacts contacts;
    private final Notes notes;
    private final Accounts accounts;

    ContactProfiles(Contacts contacts, Notes notes, Accounts accounts) {
        this.contacts = contacts;
        this.notes = notes;
        this.accounts = accounts;
    }

    public ContactProfile of(Member member, long contactId) {
        ContactView contact = contacts.get(member, contactId);
        ZoneId zone = contacts.timeZone(member.accountId());
        String country = contacts.defaultCountry(member.accountId());
        Map<Long, String> people = accounts.teammates(member.accountId()).stream()
                .collect(Collectors.toMap(Teammate::userId, Teammate::name, (a, b) -> a));
        ContactForm values = ContactForm.of(contact, List.of(), List.of());
        List<ContactProfile.Field> fields = new ArrayList<>();
        for (String[] field : DEFAULT_FIELDS) {
            String value = values.value(field[0]);
            String display = field[0].equals("phone") ? PhoneFormat.display(contact.phone(), country) : value;
            fields.add(new ContactProfile.Field(field[0], field[1], value, display, null));
        }
        for (AttributeDefinition attribute : contacts.attributes(member.accountId())) {
            String value = values.attributes().getOrDefault(attribute.key(), "");
            String display = switch (attribute.type()) {
                case BOOLEAN -> value.isEmpty() ? "" : value.equals("true") ? "Yes" : "No";
                default -> value;
            };
            fields.add(new ContactProfile.Field("attributes." + attribute.key(), attribute.label(), value, display, attribute));
        }
        List<ContactProfile.ConsentLine> history = contacts.consentHistory(member, contactId).stream()
                .map(entry -> consentLine(entry, people, zone)).toList();
        List<ContactProfile.NoteLine> noteLines = notes.of(member, contactId).stream()
                .map(note -> new ContactProfile.NoteLine(note, when(note.createdAt(), zone), note.authorId() == member.userId()))
                .toList();
        return new ContactProfile(contact, ContactNames.of(contact), fields, contacts.tagsOf(member, contactId),
                contacts.listsOf(member, contactId), history, noteLines, source(contact.source()) + ", " + when(contact.createdAt(), zone));
    }

    private static ContactProfile.ConsentLine consentLine(ConsentEntry entry, Map<Long, String> people, ZoneId zone) {
        String who = entry.userId() == null ? "" : people.getOrDefault(entry.userId(), "Former teammate");
        String how = ConsentLabels.source(entry.source()) + (entry.importId() == null ? "" : " (import " + entry.importId() + ")");
        return new ContactProfile.ConsentLine(entry.status(), ConsentLabels.of(entry.status()), when(entry.occurredAt(), zone), how, who,
                entry.evidence(), entry.attestation());
    }

    private static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone));
    }

    private static String source(String source) {
        return switch (source) {
            case "manual" -> "Added by hand";
            case "import" -> "Imported";
            case "api" -> "Added through the API";
            default -> "From " + source;
        };
    }
}
