package switchboard.audience.segment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import switchboard.audience.filter.AttributeCondition;
import switchboard.audience.filter.ContactFilter;
import switchboard.audience.filter.ContactQueries;
import switchboard.audience.filter.ContactSummary;
import switchboard.audience.filter.InvalidConditionException;
import switchboard.audience.list.Lists;
import switchboard.audience.tag.Tags;
import switchboard.platform.live.LiveEvents;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.NotFoundException;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Segments: saved groups of contacts (any of tags, lists, hand-picked contacts; then every
 * condition). Membership is resolved by audience.filter's ContactQueries, the same SQL that filters
 * the contacts list, so a segment's count and its contacts page always agree. Any member may
 * manage segments; a segment of another account is "not found", and every tag, list and contact a
 * segment names must belong to the account (a field error otherwise).
 */
@Service
public class Segments {

    public static final String LIVE_TYPE = "audience.segments.changed";
    static final int MAX_NAME = 100;
    static final int MAX_CONDITIONS = 20;
    static final int MAX_CONTACTS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(Segments.class);

    private final SegmentRepository segments;
    private final Tags tags;
    private final Lists lists;
    private final ContactQueries queries;
    private final LiveEvents live;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Segments(SegmentRepository segments, Tags tags, Lists lists, ContactQueries queries, LiveEvents live,
             TransactionTemplate transactions, Clock clock) {
        this.segments = segments;
        this.tags = tags;
        this.lists = lists;
        this.queries = queries;
        this.live = live;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<Segment> list(long accountId) {
        return segments.list(accountId);
    }

    /** A page of segments in id order after {@code afterId} (0 for the first page). */
    public List<Segment> page(long accountId, long afterId, int limit) {
        return segments.page(accountId, afterId, limit);
    }

    public Segment get(long accountId, long segmentId) {
        return segments.find(accountId, segmentId).orElseThrow(() -> notFound(segmentId));
    }

    @Transactional
    public Segment create(long accountId, SegmentDefinition definition) {
        Checked checked = check(accountId, definition, true);
        long id;
        try {
            id = segments.create(accountId, checked.name(), checked.conditions(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new DuplicateSegmentNameException(checked.name());
        }
        segments.replaceParts(accountId, id, checked.tagIds(), checked.listIds(), checked.contactIds());
        log.info("Segment {} created in account {}", id, accountId);
        live.publish(accountId, LIVE_TYPE, id, "Segment " + checked.name() + " was added");
        return get(accountId, id);
    }

    /** Replaces the whole definition (name, tags, lists, contacts, conditions). */
    @Transactional
    public Segment update(long accountId, long segmentId, SegmentDefinition definition) {
        get(accountId, segmentId);
        Checked checked = check(accountId, definition, true);
        try {
            segments.update(accountId, segmentId, checked.name(), checked.conditions(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new DuplicateSegmentNameException(checked.name());
        }
        segments.replaceParts(accountId, segmentId, checked.tagIds(), checked.listIds(), checked.contactIds());
        live.publish(accountId, LIVE_TYPE, segmentId, "Segment " + checked.name() + " was saved");
        return get(accountId, segmentId);
    }

    /** Deletes the segment; its contacts stay. Returns the segment as it was. */
    @Transactional
    public Segment delete(long accountId, long segmentId) {
        Segment segment = get(accountId, segmentId);
        segments.delete(accountId, segmentId);
        log.info("Segment {} deleted in account {}", segmentId, accountId);
        live.publish(accountId, LIVE_TYPE, segmentId, "Segment " + segment.name() + " was deleted");
        return segment;
    }

    /**
     * How many contacts are in the segment now.
     *
     * @throws SegmentNeedsFixingException when a stored condition no longer applies (its custom
     *         attribute was deleted, or changed type)
     */
    public long count(long accountId, long segmentId) {
        Segment segment = get(accountId, segmentId);
        try {
            return queries.count(accountId, members(segmentId));
        } catch (InvalidConditionException e) {
            throw new SegmentNeedsFixingException(segment.name(), e.getMessage());
        }
    }

    /** The segment's contacts after {@code afterId} (null: from the first), in id order. */
    public List<ContactSummary> contacts(long accountId, long segmentId, Long afterId, int limit) {
        Segment segment = get(accountId, segmentId);
        try {
            return queries.page(accountId, members(segmentId), afterId, limit);
        } catch (InvalidConditionException e) {
            throw new SegmentNeedsFixingException(segment.name(), e.getMessage());
        }
    }

    /**
     * How many contacts a segment being edited would have, without saving it: the draft is written
     * in a transaction that is rolled back, so it is counted by exactly the SQL a saved segment is.
     * The name is not checked (a draft may have none yet).
     */
    public long preview(long accountId, SegmentDefinition definition) {
        Checked checked = check(accountId, definition, false);
        return transactions.execute(tx -> {
            tx.setRollbackOnly();
            long id = segments.create(accountId, "draft " + UUID.randomUUID(), checked.conditions(), clock.instant());
            segments.replaceParts(accountId, id, checked.tagIds(), checked.listIds(), checked.contactIds());
            return queries.count(accountId, members(id));
        });
    }

    /** Name, phone and email of picked contacts of the account (others are left out). */
    public List<PickedContact> pickedContacts(long accountId, List<Long> contactIds) {
        return segments.contacts(accountId, contactIds);
    }

    private static ContactFilter members(long segmentId) {
        return ContactFilter.everyone().withSegmentIds(List.of(segmentId));
    }

    private record Checked(String name, List<Long> tagIds, List<Long> listIds, List<Long> contactIds, List<AttributeCondition> conditions) {
    }

    private Checked check(long accountId, SegmentDefinition definition, boolean named) {
        String name = definition.name() == null ? "" : definition.name().strip();
        if (named && name.isEmpty()) {
            throw new FieldError("name", "Name the segment, for example Warm leads in Austin.");
        }
        if (name.length() > MAX_NAME) {
            throw new FieldError("name", "A segment name has at most " + MAX_NAME + " characters; this one has " + name.length() + ".");
        }
        List<Long> tagIds = tags.requireOwn(accountId, definition.tagIds(), "tagIds");
        List<Long> listIds = lists.requireOwn(accountId, definition.listIds(), "listIds");
        List<Long> contactIds = requireContacts(accountId, definition.contactIds());
        List<AttributeCondition> conditions = definition.conditions();
        if (conditions.stream().anyMatch(java.util.Objects::isNull)) {
            throw new FieldError("conditions", "A condition is missing.");
        }
        if (conditions.size() > MAX_CONDITIONS) {
            throw new FieldError("conditions", "A segment has at most " + MAX_CONDITIONS + " conditions; this one has " + conditions.size() + ".");
        }
        for (int i = 0; i < conditions.size(); i++) {
            try {
                // Builds the condition's SQL without running it: unknown attributes, operators the
                // attribute's type lacks and values of the wrong type are refused here.
                queries.condition(accountId, ContactFilter.everyone().withConditions(List.of(conditions.get(i))));
            } catch (InvalidConditionException e) {
                throw new FieldError("conditions", "Condition " + (i + 1) + ": " + e.getMessage() + ".");
            }
        }
        if (tagIds.isEmpty() && listIds.isEmpty() && contactIds.isEmpty() && conditions.isEmpty()) {
            throw new FieldError("members", "Choose at least one tag, list, contact or condition.");
        }
        return new Checked(name, tagIds, listIds, contactIds, conditions);
    }

    private List<Long> requireContacts(long accountId, List<Long> contactIds) {
        Set<Long> wanted = new LinkedHashSet<>(contactIds);
        if (wanted.contains(null)) {
            throw new FieldError("contactIds", "A contact id is missing.");
        }
        if (wanted.size() > MAX_CONTACTS) {
            throw new FieldError("contactIds", "Pick at most " + MAX_CONTACTS + " contacts by hand; use a tag or list for more.");
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<Long> missing = segments.notContacts(accountId, wanted);
        if (!missing.isEmpty()) {
            throw new FieldError("contactIds", "Not contacts of this account: "
                    + missing.stream().limit(10).map(String::valueOf).collect(Collectors.joining(", "))
                    + (missing.size() > 10 ? " and " + (missing.size() - 10) + " more" : "") + ".");
        }
        return List.copyOf(wanted);
    }

    private static NotFoundException notFound(long segmentId) {
        return new NotFoundException("Segment " + segmentId);
    }
}
