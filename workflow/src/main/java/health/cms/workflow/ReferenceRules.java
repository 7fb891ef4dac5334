package health.cms.workflow;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import health.cms.core.article.Reference;
import health.cms.core.article.SearchAppearance;
import health.cms.core.url.HttpUrls;

/**
 * The format and size rules of a structured reference and of the search and social fields, with messages
 * a writer can act on. Each field gets its own message, so a form shows every mistake at once.
 */
final class ReferenceRules {

    /** The reference columns' lengths: longer input is refused here rather than by the database (a 500). */
    static final int CITATION_MAX = 2_000;
    static final int AUTHORS_MAX = 1_000;
    static final int TITLE_MAX = 1_000;
    static final int SOURCE_MAX = 300;
    static final int DOI_MAX = 200;
    static final int URL_MAX = 1_000;

    /** "10.", a registrant code of four to nine digits (dots may divide it), a slash and any suffix. */
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}(\\.\\d+)*/\\S+");
    /** How people paste a DOI: as a link or with a "doi:" label; we keep the bare DOI. */
    private static final Pattern DOI_PREFIX = Pattern.compile("(?i)^(doi:\\s*|https?://(dx\\.)?doi\\.org/)");
    /** PubMed IDs are whole numbers, today of up to eight digits. */
    private static final Pattern PMID = Pattern.compile("\\d{1,8}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    static final String DOI_PROBLEM = "must look like 10.1234/abc: \"10.\", four to nine digits, a slash and the rest";
    static final String PMID_PROBLEM = "must be a PubMed ID: 1 to 8 digits";
    static final String YEAR_PROBLEM = "must be a four-digit year, e.g. 2021";

    private ReferenceRules() {
    }

    /** The reference, or empty after adding each bad field's message under {@code references[i].field}. */
    static Optional<Reference> check(Map<String, String> errors, int index, ArticleInput.ReferenceInput ref) {
        String at = "references[" + index + "].";
        if (ref == null || ContentResolver.isBlank(ref.citation()) && ContentResolver.isBlank(ref.title())) {
            errors.put(at + "citation", "is required: give the citation, or at least the title of the work");
            return Optional.empty();
        }
        int before = errors.size();
        tooLong(errors, at + "citation", ref.citation(), CITATION_MAX);
        tooLong(errors, at + "authors", ref.authors(), AUTHORS_MAX);
        tooLong(errors, at + "title", ref.title(), TITLE_MAX);
        tooLong(errors, at + "source", ref.source(), SOURCE_MAX);
        String doi = ref.doi() == null ? null : DOI_PREFIX.matcher(ref.doi().strip()).replaceFirst("");
        if (!ContentResolver.isBlank(doi) && !errors.containsKey(tooLong(errors, at + "doi", doi, DOI_MAX))
                && !DOI.matcher(doi).matches()) {
            errors.put(at + "doi", DOI_PROBLEM);
        }
        if (!ContentResolver.isBlank(ref.pmid()) && !PMID.matcher(ref.pmid().strip()).matches()) {
            errors.put(at + "pmid", PMID_PROBLEM);
        }
        Integer year = null;
        if (!ContentResolver.isBlank(ref.year())) {
            if (YEAR.matcher(ref.year().strip()).matches() && !ref.year().strip().startsWith("0")) {
                year = Integer.valueOf(ref.year().strip());
            } else {
                errors.put(at + "year", YEAR_PROBLEM);
            }
        }
        url(errors, at + "url", ref.url());
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Reference(ref.citation(), new Reference.Parts(ref.authors(), ref.title(), ref.source(), year),
                doi, ref.pmid(), ref.url()));
    }

    /** Adds a message under {@code seo.field} for each bad search or social field. */
    static void check(Map<String, String> errors, SearchAppearance seo) {
        tooLong(errors, "seo.metaTitle", seo.metaTitle(), SearchAppearance.META_TITLE_MAX);
        tooLong(errors, "seo.metaDescription", seo.metaDescription(), SearchAppearance.META_DESCRIPTION_MAX);
        url(errors, "seo.canonicalUrl", seo.canonicalUrl());
        // An image URL for now: the media library (issue 15) will offer our own, hash-bound images instead.
        url(errors, "seo.socialImageUrl", seo.socialImageUrl());
    }

    /** An absolute http(s) URL of at most {@link #URL_MAX} characters, or nothing. */
    private static void url(Map<String, String> errors, String field, String value) {
        if (!errors.containsKey(tooLong(errors, field, value, URL_MAX)) && HttpUrls.problem(value).isPresent()) {
            errors.put(field, HttpUrls.PROBLEM);
        }
    }

    private static String tooLong(Map<String, String> errors, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.put(field, "must be at most " + max + " characters");
        }
        return field;
    }
}
