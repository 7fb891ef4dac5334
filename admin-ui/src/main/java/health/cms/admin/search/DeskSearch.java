package health.cms.admin.search;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.article.ArticleStatus;
import health.cms.core.refusal.Refusal;
import health.cms.core.refusal.WholeNumber;
import health.cms.core.search.DateField;
import health.cms.core.search.Facet;
import health.cms.core.search.SearchQuery;
import health.cms.core.search.SearchResult;
import health.cms.workflow.review.ReviewStatus;

/**
 * Finds articles in any state for the desk and the management API: text as typed in a search box (phrases,
 * {@code -exclusion}, medical synonyms, typo correction) over the working revisions, with filters by status,
 * category, tag, author, assigned reviewer, review due or overdue, and changed since, counted per facet.
 * Every desk role sees every article on the article pages, so every desk role may find every article here.
 */
@ApplicationScoped
public class DeskSearch {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final Pattern CURSOR = Pattern.compile("(-?[0-9][0-9.Ee+-]{0,24})_([0-9]{1,19})");
    private static final String STATUSES = String.join(", ",
            Arrays.stream(ArticleStatus.values()).map(ArticleStatus::value).toList());
    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,200}");
    private static final Pattern USER = Pattern.compile("[\\w.@-]{1,200}");
    private static final Set<Facet> COUNTED = EnumSet.of(Facet.STATUS, Facet.CATEGORY, Facet.AUTHOR,
            Facet.ASSIGNED_REVIEWER, Facet.TAG);

    private final DeskSearchIndex index;
    private final DeskDocuments documents;
    private final Clock clock;

    DeskSearch(DeskSearchIndex index, DeskDocuments documents, Clock clock) {
        this.index = index;
        this.documents = documents;
        this.clock = clock;
    }

    /** Which review dates to keep: due within {@link ReviewStatus#DUE_SOON_WINDOW}, or already past. */
    public enum Review {
        DUE, OVERDUE
    }

    /** The question as it arrives from a form or a query string: every field may be null or blank. */
    public record Request(String q, String status, String category, String tag, String author, String assignee,
            String review, String changedSince, String limit, String cursor) {
    }

    /** One found article, as the desk lists it, with its review status now and an escaped snippet. */
    public record Row(long id, String slug, String title, String status, String category, List<String> authors,
            String assignedReviewer, Instant updatedAt, Instant nextReviewDue, String reviewStatus, String snippet) {
    }

    /** A facet value and how many hits have it. */
    public record Count(String value, String name, long count) {
    }

    /**
     * A page of hits, best match first (newest first when no text is given), the cursor of the next page,
     * the counts per facet ({@code status, category, author, assignee, tag}), and a spelling suggestion;
     * {@code correctedTo} is set when the hits are for that suggestion because the text as typed found nothing.
     * While the index is still being built after a start, {@code indexReady} is false and the page may be short.
     */
    public record Results(List<Row> articles, String next, Map<String, List<Count>> facets, String didYouMean,
            String correctedTo, boolean indexReady) {
    }

    public Results search(Request request) {
        SearchQuery query = query(request);
        SearchResult result = index.engine().search(query);
        Instant now = clock.instant();
        List<Row> rows = new ArrayList<>();
        for (SearchResult.Hit hit : result.hits()) {
            DeskDocuments.Hit found = documents.hit(hit.payload());
            String review = found.nextReviewDue() == null ? null : ReviewStatus.of(found.nextReviewDue(), now).value();
            rows.add(new Row(found.id(), found.slug(), found.title(), found.status(), found.category(), found.authors(),
                    found.assignedReviewer(), found.updatedAt(), found.nextReviewDue(), review, hit.snippet()));
        }
        Map<String, List<Count>> facets = new LinkedHashMap<>();
        result.facets().forEach((facet, counts) -> facets.put(facetName(facet),
                counts.stream().map(c -> new Count(c.value(), c.name(), c.count())).toList()));
        String next = result.next().map(p -> p.score() + "_" + p.id()).orElse(null);
        return new Results(rows, next, facets, result.didYouMean(), result.corrected() ? result.didYouMean() : null,
                index.engine().ready());
    }

    private static String facetName(Facet facet) {
        return facet == Facet.ASSIGNED_REVIEWER ? "assignee" : facet.name().toLowerCase();
    }

    /** The request checked and turned into the engine's question; every problem is named by its parameter. */
    SearchQuery query(Request request) {
        Map<String, String> problems = new LinkedHashMap<>();
        String text = blankToNull(request.q());
        if (text != null && (text.length() > 200 || text.indexOf('\0') >= 0)) {
            problems.put("q", "must be at most 200 characters, without NUL characters");
        }
        Map<Facet, String> filters = new EnumMap<>(Facet.class);
        String status = blankToNull(request.status());
        if (status != null) {
            if (Arrays.stream(ArticleStatus.values()).anyMatch(s -> s.value().equals(status))) {
                filters.put(Facet.STATUS, status);
            } else {
                problems.put("status", "must be one of " + STATUSES);
            }
        }
        filter(filters, problems, Facet.CATEGORY, "category", request.category(), SLUG, "must be a category slug");
        filter(filters, problems, Facet.TAG, "tag", request.tag(), SLUG, "must be a tag slug");
        filter(filters, problems, Facet.AUTHOR, "author", request.author(), SLUG, "must be an author slug");
        filter(filters, problems, Facet.ASSIGNED_REVIEWER, "assignee", request.assignee(), USER, "must be a user name");
        Map<DateField, SearchQuery.Range> ranges = new EnumMap<>(DateField.class);
        Instant now = clock.instant();
        String review = blankToNull(request.review());
        if (review != null) {
            switch (review) {
                case "due" -> ranges.put(DateField.REVIEW_DUE,
                        new SearchQuery.Range(now, now.plus(ReviewStatus.DUE_SOON_WINDOW)));
                case "overdue" -> ranges.put(DateField.REVIEW_DUE, new SearchQuery.Range(null, now));
                default -> problems.put("review", "must be due or overdue");
            }
        }
        String since = blankToNull(request.changedSince());
        if (since != null) {
            try {
                ranges.put(DateField.UPDATED_AT, new SearchQuery.Range(
                        LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant(), null));
            } catch (DateTimeParseException e) {
                problems.put("changedSince", "must be a date like 2026-12-31");
            }
        }
        Optional<SearchQuery.Position> after = Optional.empty();
        String cursor = blankToNull(request.cursor());
        if (cursor != null) {
            Matcher position = CURSOR.matcher(cursor);
            if (position.matches()) {
                try {
                    after = Optional.of(new SearchQuery.Position(Float.parseFloat(position.group(1)),
                            Long.parseLong(position.group(2))));
                } catch (NumberFormatException e) {
                    problems.put("cursor", "must be the next cursor of an earlier answer");
                }
            } else {
                problems.put("cursor", "must be the next cursor of an earlier answer");
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        int limit = WholeNumber.parse("limit", request.limit(), DEFAULT_LIMIT, 1, MAX_LIMIT);
        return new SearchQuery(text == null ? "" : text, filters, ranges, COUNTED, false, limit, after);
    }

    private static void filter(Map<Facet, String> filters, Map<String, String> problems, Facet facet, String name,
            String value, Pattern valid, String message) {
        String given = blankToNull(value);
        if (given == null) {
            return;
        }
        if (valid.matcher(given).matches()) {
            filters.put(facet, given);
        } else {
            problems.put(name, message);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
