package switchboard.audience.contact;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import switchboard.accounts.Member;
import switchboard.audience.filter.ContactQueries;
import switchboard.audience.filter.SqlCondition;
import switchboard.audience.list.ContactList;
import switchboard.audience.list.Lists;
import switchboard.audience.tag.Tag;
import switchboard.audience.tag.Tags;
import switchboard.platform.live.LiveEvents;
import switchboard.platform.web.FieldError;

import java.text.NumberFormat;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Tag, untag, add to a list or delete many contacts at once: the ones ticked on a page, or every
 * contact matching the filter. Each is one statement in the database whatever the number of
 * contacts; each answers with a sentence that says what happened ("Tagged 1,234 contacts with VIP.").
 */
@Service
public class BulkActions {

    private static final Logger log = LoggerFactory.getLogger(BulkActions.class);

    private final BulkActionRepository bulk;
    private final ContactQueries queries;
    private final Tags tags;
    private final Lists lists;
    private final LiveEvents live;
    private final Clock clock;

    BulkActions(BulkActionRepository bulk, ContactQueries queries, Tags tags, Lists lists, LiveEvents live, Clock clock) {
        this.bulk = bulk;
        this.queries = queries;
        this.tags = tags;
        this.lists = lists;
        this.live = live;
        this.clock = clock;
    }

    /** The tag by id (one of the account's, else 404) or, when a new name is typed, found or created by name. */
    public Tag tagOf(Member member, Long tagId, String newName) {
        if (newName != null && !newName.isBlank()) {
            return tags.findOrCreate(member.accountId(), newName);
        }
        if (tagId == null) {
            throw new FieldError("tagId", "Choose a tag or type the name of a new one.");
        }
        return tags.get(member.accountId(), tagId);
    }

    public ContactList listOf(Member member, Long listId, String newName) {
        if (newName != null && !newName.isBlank()) {
            return lists.findOrCreate(member.accountId(), newName);
        }
        if (listId == null) {
            throw new FieldError("listId", "Choose a list or type the name of a new one.");
        }
        return lists.get(member.accountId(), listId);
    }

    @Transactional
    public String tag(Member member, BulkSelection selection, Tag tag) {
        int tagged = bulk.tagMatching(member.accountId(), tag.id(), condition(member, selection));
        queries.membershipsChanged(tagged);
        log.info("Bulk: {} contacts tagged {} in account {} by user {}", tagged, tag.id(), member.accountId(), member.userId());
        String text = tagged == 0 ? "No contact was tagged: the chosen contacts already have " + tag.name() + "."
                : "Tagged " + contacts(tagged) + " with " + tag.name() + ".";
        announce(member, Tags.LIVE_TYPE, tag.id(), tagged, text);
        return text;
    }

    @Transactional
    public String untag(Member member, BulkSelection selection, Tag tag) {
        int untagged = bulk.untagMatching(member.accountId(), tag.id(), condition(member, selection));
        queries.membershipsChanged(untagged);
        log.info("Bulk: tag {} removed from {} contacts in account {} by user {}", tag.id(), untagged, member.accountId(), member.userId());
        String text = untagged == 0 ? "None of the chosen contacts had the tag " + tag.name() + "."
                : "Removed the tag " + tag.name() + " from " + contacts(untagged) + ".";
        announce(member, Tags.LIVE_TYPE, tag.id(), untagged, text);
        return text;
    }

    @Transactional
    public String addToList(Member member, BulkSelection selection, ContactList list) {
        int added = bulk.addToListMatching(member.accountId(), list.id(), condition(member, selection), clock.instant());
        queries.membershipsChanged(added);
        log.info("Bulk: {} contacts added to list {} in account {} by user {}", added, list.id(), member.accountId(), member.userId());
        String text = added == 0 ? "The chosen contacts are on the list " + list.name() + " already."
                : "Added " + contacts(added) + " to the list " + list.name() + ".";
        announce(member, Lists.LIVE_TYPE, list.id(), added, text);
        return text;
    }

    /** How many contacts a delete would remove, for its confirmation. */
    public int count(Member member, BulkSelection selection) {
        return bulk.countMatching(member.accountId(), condition(member, selection));
    }

    @Transactional
    public String delete(Member member, BulkSelection selection) {
        int deleted = bulk.deleteMatching(member.accountId(), condition(member, selection));
        log.info("Bulk: {} contacts deleted in account {} by user {}", deleted, member.accountId(), member.userId());
        String text = "Deleted " + contacts(deleted) + ".";
        if (deleted > 0) {
            live.publish(member.accountId(), Contacts.LIVE_TYPE, null, "Deleted " + contacts(deleted) + " (" + member.name() + ")");
        }
        return text;
    }

    /** The statement's condition: the filter's, or the ticked ids (only ever within the account, which every statement names). */
    SqlCondition condition(Member member, BulkSelection selection) {
        if (selection.isEmpty()) {
            throw new FieldError("ids", "Tick the contacts first, or choose every contact matching this filter.");
        }
        if (selection.allMatching()) {
            return queries.condition(member.accountId(), selection.filter());
        }
        return new SqlCondition("c.id in (:b_ids)", Map.of("b_ids", selection.ids()));
    }

    private void announce(Member member, String type, long subjectId, int changed, String text) {
        if (changed > 0) {
            live.publish(member.accountId(), type, subjectId, text + " (" + member.name() + ")");
            live.publish(member.accountId(), Contacts.LIVE_TYPE, null, null);
        }
    }

    public static String contacts(long count) {
        return NumberFormat.getIntegerInstance(Locale.US).format(count) + (count == 1 ? " contact" : " contacts");
    }
}
