package switchboard.audience.contact;

import switchboard.audience.filter.ContactFilter;

import java.util.List;

/**
 * Which contacts a bulk action is for: the boxes ticked on the page (ids), or, when
 * {@code allMatching}, every contact the filter matches (however many pages).
 */
public record BulkSelection(List<Long> ids, boolean allMatching, ContactFilter filter) {

    public BulkSelection {
        ids = ids == null ? List.of() : ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        filter = filter == null ? ContactFilter.everyone() : filter;
    }

    public boolean isEmpty() {
        return !allMatching && ids.isEmpty();
    }
}
