package switchboard.audience.filter;

import switchboard.audience.ConsentStatus;

import java.util.List;

/**
 * Which contacts a list, a bulk action, an export or a segment count is about. Every part that is
 * given must match; within tags, lists and segments any one matches ("tagged lead or customer").
 * The search text works as in the search box ({@link SearchCondition}).
 */
public record ContactFilter(String search, List<Long> tagIds, List<Long> listIds, List<Long> segmentIds,
                            List<AttributeCondition> conditions, ConsentStatus consent) {

    public ContactFilter {
        search = search == null || search.isBlank() ? null : search.strip();
        tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
        listIds = listIds == null ? List.of() : List.copyOf(listIds);
        segmentIds = segmentIds == null ? List.of() : List.copyOf(segmentIds);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** No restriction: every contact of the account. */
    public static ContactFilter everyone() {
        return new ContactFilter(null, List.of(), List.of(), List.of(), List.of(), null);
    }

    public boolean isEveryone() {
        return search == null && tagIds.isEmpty() && listIds.isEmpty() && segmentIds.isEmpty() && conditions.isEmpty() && consent == null;
    }

    public ContactFilter withSearch(String text) {
        return new ContactFilter(text, tagIds, listIds, segmentIds, conditions, consent);
    }

    public ContactFilter withTagIds(List<Long> ids) {
        return new ContactFilter(search, ids, listIds, segmentIds, conditions, consent);
    }

    public ContactFilter withListIds(List<Long> ids) {
        return new ContactFilter(search, tagIds, ids, segmentIds, conditions, consent);
    }

    public ContactFilter withSegmentIds(List<Long> ids) {
        return new ContactFilter(search, tagIds, listIds, ids, conditions, consent);
    }

    public ContactFilter withConditions(List<AttributeCondition> list) {
        return new ContactFilter(search, tagIds, listIds, segmentIds, list, consent);
    }

    public ContactFilter withConsent(ConsentStatus status) {
        return new ContactFilter(search, tagIds, listIds, segmentIds, conditions, status);
    }
}
