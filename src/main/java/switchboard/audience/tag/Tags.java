package switchboard.audience.tag;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import switchboard.platform.live.LiveEvents;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.NotFoundException;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The account's tags: the Tags tab, the API, and every place that tags contacts (the contact
 * form, the profile, bulk actions). The account always comes from the acting member; a tag of
 * another account is "not found". Any member may manage tags.
 *
 * <p>Each change announces {@value #LIVE_TYPE} so open pages (the Tags tab, segment counts)
 * refresh what they show.
 */
@Service
public class Tags {

    public static final String LIVE_TYPE = "audience.tags.changed";
    private static final Logger log = LoggerFactory.getLogger(Tags.class);

    private final TagRepository tags;
    private final LiveEvents live;

    Tags(TagRepository tags, LiveEvents live) {
        this.tags = tags;
        this.live = live;
    }

    /** Every tag of the account by name, each with how many contacts carry it. */
    public List<Tag> list(long accountId) {
        return tags.listWithCounts(accountId);
    }

    /** A page of tags in id order after {@code afterId} (0 for the first page). */
    public List<Tag> page(long accountId, long afterId, int limit) {
        return tags.page(accountId, afterId, limit);
    }

    public Tag get(long accountId, long tagId) {
        return tags.find(accountId, tagId).orElseThrow(() -> notFound(tagId));
    }

    @Transactional
    public Tag create(long accountId, String name) {
        TagName tagName = new TagName(name);
        long id;
        try {
            id = tags.create(accountId, tagName.value());
        } catch (DuplicateKeyException e) {
            throw new DuplicateTagNameException(tagName.value());
        }
        log.info("Tag {} created in account {}", id, accountId);
        live.publish(accountId, LIVE_TYPE, id, "Tag " + tagName + " was added");
        return get(accountId, id);
    }

    /** The tag of this name in any case, created if the account has none (the contact form, bulk tagging). */
    @Transactional
    public Tag findOrCreate(long accountId, String name) {
        TagName tagName = new TagName(name);
        long id = tags.findOrCreate(accountId, tagName.value());
        return get(accountId, id);
    }

    @Transactional
    public Tag rename(long accountId, long tagId, String name) {
        Tag tag = get(accountId, tagId);
        TagName tagName = new TagName(name);
        if (tag.name().equals(tagName.value())) {
            return tag;
        }
        try {
            tags.rename(accountId, tagId, tagName.value());
        } catch (DuplicateKeyException e) {
            throw new DuplicateTagNameException(tagName.value());
        }
        log.info("Tag {} renamed in account {}", tagId, accountId);
        live.publish(accountId, LIVE_TYPE, tagId, "Tag " + tag.name() + " was renamed to " + tagName);
        return get(accountId, tagId);
    }

    /** Removes the tag from every contact, list and segment; the contacts themselves stay. Returns the tag as it was. */
    @Transactional
    public Tag delete(long accountId, long tagId) {
        Tag tag = get(accountId, tagId);
        if (!tags.delete(accountId, tagId)) {
            throw notFound(tagId);
        }
        log.info("Tag {} deleted in account {}, removed from {} contacts", tagId, accountId, tag.contactCount());
        live.publish(accountId, LIVE_TYPE, tagId, "Tag " + tag.name() + " was deleted");
        return tag;
    }

    /**
     * Tags the contacts; ids that are not contacts of the account are ignored, contacts that
     * already carry the tag stay as they are. Returns how many contacts were newly tagged.
     */
    @Transactional
    public int tag(long accountId, long tagId, long[] contactIds) {
        Tag tag = get(accountId, tagId);
        int tagged = contactIds.length == 0 ? 0 : tags.tag(accountId, tagId, contactIds);
        if (tagged > 0) {
            live.publish(accountId, LIVE_TYPE, tagId, "Tag " + tag.name() + " applied to " + contacts(tagged));
        }
        return tagged;
    }

    /** Removes the tag from the contacts; returns how many carried it. */
    @Transactional
    public int untag(long accountId, long tagId, long[] contactIds) {
        Tag tag = get(accountId, tagId);
        int untagged = contactIds.length == 0 ? 0 : tags.untag(accountId, tagId, contactIds);
        if (untagged > 0) {
            live.publish(accountId, LIVE_TYPE, tagId, "Tag " + tag.name() + " removed from " + contacts(untagged));
        }
        return untagged;
    }

    /** The tags of one contact, by name (contactCount is not filled in: 0). */
    public List<Tag> tagsOf(long accountId, long contactId) {
        return tags.tagsOf(accountId, contactId);
    }

    /**
     * Checks that every id names a tag of the account (as a segment or a request names them);
     * otherwise a field error on {@code field}. Returns the ids without duplicates, in the given order.
     */
    public List<Long> requireOwn(long accountId, Collection<Long> tagIds, String field) {
        Set<Long> wanted = new LinkedHashSet<>(tagIds);
        if (wanted.contains(null)) {
            throw new FieldError(field, "A tag id is missing.");
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        Set<Long> found = Set.copyOf(tags.existing(accountId, wanted));
        for (Long id : wanted) {
            if (!found.contains(id)) {
                throw new FieldError(field, "Tag " + id + " does not exist in this account.");
            }
        }
        return List.copyOf(wanted);
    }

    static String contacts(long count) {
        return count == 1 ? "1 contact" : count + " contacts";
    }

    private static NotFoundException notFound(long tagId) {
        return new NotFoundException("Tag " + tagId);
    }
}
