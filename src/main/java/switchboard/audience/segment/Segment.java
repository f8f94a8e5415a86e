package switchboard.audience.segment;

import switchboard.audience.filter.AttributeCondition;

import java.time.Instant;
import java.util.List;

/**
 * A saved segment: a contact is a member if it has any of the tags, is on any of the lists or was
 * picked by hand, and then matches every condition. With no tags, lists or contacts, the members
 * are every contact matching the conditions.
 */
public record Segment(long id, String name, List<Long> tagIds, List<Long> listIds, List<Long> contactIds,
                      List<AttributeCondition> conditions, Instant createdAt, Instant updatedAt) {

    public Segment {
        tagIds = List.copyOf(tagIds);
        listIds = List.copyOf(listIds);
        contactIds = List.copyOf(contactIds);
        conditions = List.copyOf(conditions);
    }
}
