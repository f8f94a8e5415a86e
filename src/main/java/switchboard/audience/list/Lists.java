package switchboard.audience.list;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import switchboard.audience.tag.Tag;
import switchboard.audience.filter.ContactQueries;
import switchboard.audience.tag.Tags;
import switchboard.platform.live.LiveEvents;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.NotFoundException;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists of contacts: the Lists tab, the API, imports ("creates or adds to a list") and adding by
 * hand. Any member may manage lists. A list of another account is "not found".
 *
 * <p>Tagging a list as a whole ("one list for leads, one for customers") means: its current
 * members get the tag at once, and the tag is recorded on the list (list_tags) so that every
 * contact added later through {@link #add} gets it too. Removing a tag from a list stops that
 * for the future; contacts keep the tag they already carry (they may have had it before, and a
 * teammate removes a tag from contacts explicitly). A contact removed from the list keeps its tags.
 */
@Service
public class Lists {

    public static final String LIVE_TYPE = "audience.lists.changed";
    /** Contact ids one API request may name (a request body of about 200 KB). */
    public static final int MAX_IDS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(Lists.class);

    private final ListRepository lists;
    private final Tags tags;
    private final LiveEvents live;
    private final Clock clock;
    private final ContactQueries queries;

    Lists(ListRepository lists, Tags tags, LiveEvents live, Clock clock, ContactQueries queries) {
        this.queries = queries;
        this.lists = lists;
        this.tags = tags;
        this.live = live;
        this.clock = clock;
    }

    /** Every list by name, with member counts and tags. */
    public List<ContactList> list(long accountId) {
        return lists.listWithCounts(accountId);
    }

    /** A page of lists in id order after {@code afterId} (0 for the first page). */
    public List<ContactList> page(long accountId, long afterId, int limit) {
        return lists.page(accountId, afterId, limit);
    }

    public ContactList get(long accountId, long listId) {
        return lists.find(accountId, listId).orElseThrow(() -> notFound(listId));
    }

    @Transactional
    public ContactList create(long accountId, String name) {
        ListName listName = new ListName(name);
        long id;
        try {
            id = lists.create(accountId, listName.value(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new DuplicateListNameException(listName.value());
        }
        log.info("List {} created in account {}", id, accountId);
        live.publish(accountId, LIVE_TYPE, id, "List " + listName + " was added");
        return get(accountId, id);
    }

    /** The list of this name in any case, created if the account has none. */
    @Transactional
    public ContactList findOrCreate(long accountId, String name) {
        return get(accountId, lists.findOrCreate(accountId, new ListName(name).value()));
    }

    @Transactional
    public ContactList rename(long accountId, long listId, String name) {
        ContactList list = get(accountId, listId);
        ListName listName = new ListName(name);
        if (list.name().equals(listName.value())) {
            return list;
        }
        try {
            lists.rename(accountId, listId, listName.value());
        } catch (DuplicateKeyException e) {
            throw new DuplicateListNameException(listName.value());
        }
        live.publish(accountId, LIVE_TYPE, listId, "List " + list.name() + " was renamed to " + listName);
        return get(accountId, listId);
    }

    /** Deletes the list; its members stay as contacts (with their tags). Returns the list as it was. */
    @Transactional
    public ContactList delete(long accountId, long listId) {
        ContactList list = get(accountId, listId);
        if (!lists.delete(accountId, listId)) {
            throw notFound(listId);
        }
        log.info("List {} deleted in account {} ({} members stay as contacts)", listId, accountId, list.memberCount());
        live.publish(accountId, LIVE_TYPE, listId, "List " + list.name() + " was deleted");
        return list;
    }

    /**
     * Adds the contacts to the list and gives them the list's tags. Ids that are not contacts of
     * the account are ignored. Returns how many contacts were not members before.
     */
    @Transactional
    public int add(long accountId, long listId, long[] contactIds) {
        ContactList list = get(accountId, listId);
        if (contactIds.length == 0) {
            return 0;
        }
        int added = lists.add(accountId, listId, contactIds, clock.instant());
        if (!list.tags().isEmpty()) {
            lists.applyListTags(accountId, listId, contactIds);
        }
        if (added > 0) {
            live.publish(accountId, LIVE_TYPE, listId, added(added) + " to the list " + list.name());
        }
        return added;
    }

    /** Takes the contacts off the list (they stay as contacts); returns how many were members. */
    @Transactional
    public int remove(long accountId, long listId, long[] contactIds) {
        ContactList list = get(accountId, listId);
        int removed = contactIds.length == 0 ? 0 : lists.remove(accountId, listId, contactIds);
        if (removed > 0) {
            live.publish(accountId, LIVE_TYPE, listId, (removed == 1 ? "1 contact" : removed + " contacts")
                    + " removed from the list " + list.name());
        }
        return removed;
    }

    /** The lists a contact is on, by name (memberCount 0, tags empty). */
    public List<ContactList> listsOf(long accountId, long contactId) {
        return lists.listsOf(accountId, contactId);
    }

    /**
     * Tags the list as a whole: every current member gets the tag now, later members when added.
     * Returns how many members were newly tagged.
     */
    @Transactional
    public int addTag(long accountId, long listId, long tagId) {
        ContactList list = get(accountId, listId);
        Tag tag = tags.get(accountId, tagId);
        lists.addTag(accountId, listId, tagId);
        int tagged = lists.tagMembers(accountId, listId, tagId);
        queries.membershipsChanged(tagged);
        live.publish(accountId, LIVE_TYPE, listId, "List " + list.name() + " tagged " + tag.name());
        if (tagged > 0) {
            live.publish(accountId, Tags.LIVE_TYPE, tagId, "Tag " + tag.name() + " applied to the members of " + list.name());
        }
        return tagged;
    }

    /** The tag no longer applies to contacts added later; current members keep it. */
    @Transactional
    public void removeTag(long accountId, long listId, long tagId) {
        ContactList list = get(accountId, listId);
        Tag tag = tags.get(accountId, tagId);
        if (lists.removeTag(accountId, listId, tagId)) {
            live.publish(accountId, LIVE_TYPE, listId, "Tag " + tag.name() + " no longer applied to the list " + list.name());
        }
    }

    /** Makes exactly these tags the list's tags: new ones tag the current members, removed ones stop applying. */
    @Transactional
    public ContactList setTags(long accountId, long listId, Collection<Long> tagIds) {
        ContactList list = get(accountId, listId);
        List<Long> wanted = tags.requireOwn(accountId, tagIds, "tagIds");
        Set<Long> current = new LinkedHashSet<>();
        list.tags().forEach(tag -> current.add(tag.id()));
        for (Long tagId : wanted) {
            if (!current.contains(tagId)) {
                addTag(accountId, listId, tagId);
            }
        }
        for (Long tagId : current) {
            if (!wanted.contains(tagId)) {
                removeTag(accountId, listId, tagId);
            }
        }
        return get(accountId, listId);
    }

    /**
     * Checks that every id names a contact of the account (as the API's callers name them, so a
     * typo is reported rather than silently skipped); otherwise a field error on {@code field}.
     */
    public void requireContacts(long accountId, long[] contactIds, String field) {
        if (contactIds.length > MAX_IDS) {
            throw new FieldError(field, "Send at most " + MAX_IDS + " contact ids at a time; this request had " + contactIds.length + ".");
        }
        List<Long> missing = contactIds.length == 0 ? List.of() : lists.notContacts(accountId, contactIds);
        if (!missing.isEmpty()) {
            throw new FieldError(field, "Not contacts of this account: " + missing.stream().limit(10).map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")) + (missing.size() > 10 ? " and " + (missing.size() - 10) + " more" : "") + ".");
        }
    }

    /** Checks that every id names a list of the account; otherwise a field error on {@code field}. */
    public List<Long> requireOwn(long accountId, Collection<Long> listIds, String field) {
        Set<Long> wanted = new LinkedHashSet<>(listIds);
        if (wanted.contains(null)) {
            throw new FieldError(field, "A list id is missing.");
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        Set<Long> found = Set.copyOf(lists.existing(accountId, wanted));
        for (Long id : wanted) {
            if (!found.contains(id)) {
                throw new FieldError(field, "List " + id + " does not exist in this account.");
            }
        }
        return List.copyOf(wanted);
    }

    private static String added(int count) {
        return count == 1 ? "1 contact added" : count + " contacts added";
    }

    private static NotFoundException notFound(long listId) {
        return new NotFoundException("List " + listId);
    }
}
