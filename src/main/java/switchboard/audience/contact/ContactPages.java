package switchboard.audience.contact;

import org.springframework.stereotype.Service;
import switchboard.accounts.Member;
import switchboard.audience.filter.AttributeField;
import switchboard.audience.filter.ContactFilter;
import switchboard.audience.filter.ContactQueries;
import switchboard.audience.filter.ContactSummary;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the Contacts tab shows for a filter: one keyset page of rows with their tags, whether
 * there are pages before and after it, the count (capped, so a million contacts are not counted
 * on every keystroke), and what the filter controls offer.
 */
@Service
public class ContactPages {

    public static final List<Integer> PAGE_SIZES = List.of(25, 50, 100, 250, 500);
    public static final long COUNT_CAP = 100_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.US);

    private final ContactQueries queries;
    private final ContactRepository contacts;
    private final Contacts service;

    ContactPages(ContactQueries queries, ContactRepository contacts, Contacts service) {
        this.queries = queries;
        this.contacts = contacts;
        this.service = service;
    }

    public record Page(List<ContactRow> rows, Long previousBefore, Long nextAfter, long count, String countText) {

        public boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    /**
     * @param after  show the page after this id (null: the first page), or
     * @param before show the page just before this id (the Previous link)
     */
    public Page page(Member member, ContactFilter filter, Long after, Long before, int size) {
        long accountId = member.accountId();
        List<ContactSummary> summaries = before != null
                ? queries.pageBefore(accountId, filter, before, size)
                : queries.page(accountId, filter, after, size);
        Long previous = null;
        Long next = null;
        if (!summaries.isEmpty()) {
            long first = summaries.getFirst().id();
            long last = summaries.getLast().id();
            previous = queries.pageBefore(accountId, filter, first, 1).isEmpty() ? null : first;
            next = queries.page(accountId, filter, last, 1).isEmpty() ? null : last;
        }
        String country = service.defaultCountry(accountId);
        ZoneId zone = service.timeZone(accountId);
        Map<Long, List<String>> tags = contacts.tagNames(accountId, summaries.stream().map(ContactSummary::id).toList());
        List<ContactRow> rows = summaries.stream()
                .map(summary -> new ContactRow(summary, PhoneFormat.display(summary.phone(), country), tags.getOrDefault(summary.id(), List.of()),
                        DAY.format(summary.createdAt().atZone(zone))))
                .toList();
        long count = queries.countUpTo(accountId, filter, COUNT_CAP);
        return new Page(rows, previous, next, count, countText(count));
    }

    /** "1 contact", "1,234 contacts", "100,000+ contacts". */
    public static String countText(long count) {
        String number = NumberFormat.getIntegerInstance(Locale.US).format(count) + (count >= COUNT_CAP ? "+" : "");
        return number + (count == 1 ? " contact" : " contacts");
    }

    public static int pageSize(Integer requested) {
        return requested != null && PAGE_SIZES.contains(requested) ? requested : 50;
    }

    public List<ContactRepository.Choice> tags(long accountId) {
        return contacts.choices(accountId, ContactRepository.Kind.TAGS);
    }

    public List<ContactRepository.Choice> lists(long accountId) {
        return contacts.choices(accountId, ContactRepository.Kind.LISTS);
    }

    public List<ContactRepository.Choice> segments(long accountId) {
        return contacts.choices(accountId, ContactRepository.Kind.SEGMENTS);
    }

    public List<AttributeField> fields(long accountId) {
        return queries.fields(accountId);
    }
}
