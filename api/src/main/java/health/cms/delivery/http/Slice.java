package health.cms.delivery.http;

import java.util.List;

import health.cms.core.refusal.WholeNumber;

/**
 * One page of a list that has no keyset order to page by (the catalog's lists): {@code limit} and
 * {@code offset} parsed through {@link WholeNumber}, with a maximum size so that no request makes the
 * api render and cache an unbounded list.
 */
public record Slice(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    /** Far beyond any real catalog; only bounds the scan an offset costs. */
    public static final int MAX_OFFSET = 100_000;

    public static Slice parse(String limit, String offset) {
        return new Slice(WholeNumber.parse("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
                WholeNumber.parse("offset", offset, 0, 0, MAX_OFFSET));
    }

    /** Rows to read: one more than the page, which tells whether a next page exists. */
    public int fetch() {
        return limit + 1;
    }

    /** The page out of {@link #fetch()} rows. */
    public <T> List<T> page(List<T> fetched) {
        return fetched.size() > limit ? fetched.subList(0, limit) : fetched;
    }

    /** The next page's address on {@code path} (relative, as a Link header may be), or null on the last page. */
    public String next(String path, List<?> fetched) {
        return fetched.size() > limit ? path + "?limit=" + limit + "&offset=" + (offset + limit) : null;
    }
}
