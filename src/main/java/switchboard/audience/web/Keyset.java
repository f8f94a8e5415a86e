package switchboard.audience.web;

import switchboard.platform.web.FieldError;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The API's keyset paging of audience collections: {@code ?limit=} (1 to 500, default 50) and
 * {@code ?after=<id>}; answers carry {@code next}, the id to pass as after, or null on the last page.
 * Readers fetch {@link #fetchSize()} rows (one more than the page) to know whether more follow.
 */
public record Keyset(long after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static Keyset of(Long after, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new FieldError("limit", "limit is a number from 1 to " + MAX_LIMIT + "; it was " + size + ".");
        }
        if (after != null && after < 0) {
            throw new FieldError("after", "after is the next value of the previous page, a positive id.");
        }
        return new Keyset(after == null ? 0 : after, size);
    }

    public int fetchSize() {
        return limit + 1;
    }

    /** The page's rows (at most limit) and the cursor for the next page. */
    public <T> Slice<T> slice(List<T> fetched, ToLongFunction<T> id) {
        if (fetched.size() <= limit) {
            return new Slice<>(fetched, null);
        }
        List<T> page = fetched.subList(0, limit);
        return new Slice<>(List.copyOf(page), String.valueOf(id.applyAsLong(page.getLast())));
    }

    public record Slice<T>(List<T> items, String next) {
    }
}
