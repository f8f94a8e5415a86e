package switchboard.audience.segment;

import switchboard.audience.filter.AttributeCondition;

import java.util.List;

/** What a person chooses for a segment, before it is checked: null lists mean none. */
public record SegmentDefinition(String name, List<Long> tagIds, List<Long> listIds, List<Long> contactIds,
                                List<AttributeCondition> conditions) {

    public SegmentDefinition {
        tagIds = tagIds == null ? List.of() : tagIds;
        listIds = listIds == null ? List.of() : listIds;
        contactIds = contactIds == null ? List.of() : contactIds;
        conditions = conditions == null ? List.of() : conditions;
    }
}
