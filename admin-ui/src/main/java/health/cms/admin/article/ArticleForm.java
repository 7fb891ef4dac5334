package health.cms.admin.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jboss.resteasy.reactive.RestForm;

import health.cms.admin.web.Forms;
import health.cms.core.article.Reference;
import health.cms.core.article.SearchAppearance;
import health.cms.core.publication.PublicArticle;
import health.cms.core.scratch.ScratchCopy;
import health.cms.workflow.ArticleInput;

/**
 * The article editor's form as posted, and as re-rendered after a refusal: whatever the person
 * typed comes back to them, so a validation error or a conflict never loses text.
 */
public class ArticleForm {

    /** Blank reference rows offered below the filled ones, so a writer can add citations without JavaScript. */
    static final int SPARE_REFERENCE_ROWS = 2;

    @RestForm
    public String slug;
    @RestForm
    public String title;
    @RestForm
    public String summary;
    @RestForm
    public String body;
    @RestForm
    public String category;
    @RestForm
    public List<String> authors = new ArrayList<>();
    @RestForm
    public List<String> tags = new ArrayList<>();
    @RestForm
    public List<String> refCitation = new ArrayList<>();
    @RestForm
    public List<String> refAuthors = new ArrayList<>();
    @RestForm
    public List<String> refTitle = new ArrayList<>();
    @RestForm
    public List<String> refSource = new ArrayList<>();
    @RestForm
    public List<String> refYear = new ArrayList<>();
    @RestForm
    public List<String> refDoi = new ArrayList<>();
    @RestForm
    public List<String> refPmid = new ArrayList<>();
    @RestForm
    public List<String> refUrl = new ArrayList<>();
    @RestForm
    public String metaTitle;
    @RestForm
    public String metaDescription;
    @RestForm
    public String canonicalUrl;
    @RestForm
    public String socialImageUrl;
    /** The SHA-256 of the lead image, one of the media library's assets (optional). */
    @RestForm
    public String leadImage;
    /** A checkbox: present ("true") when ticked. */
    @RestForm
    public boolean noindex;
    @RestForm
    public String changeNote;
    /** The article version the form was loaded at: a save against a newer one is a conflict. */
    @RestForm
    public Long version;
    /** The working revision the form was loaded from, to show what others changed since. */
    @RestForm
    public Integer baseRevision;
    /** For a translation: the source revision shown beside it; saving makes the translation follow it. */
    @RestForm
    public Integer sourceRevision;
    /** {@code save} or {@code preview}. */
    @RestForm
    public String intent;

    /** One citation row of the form, with the message for any of its fields. */
    public record ReferenceRow(int index, ArticleInput.ReferenceInput ref, String error) {

        /** Counting from one, as people do. */
        public int number() {
            return index + 1;
        }
    }

    /** Puts a writer's autosaved text in the form, at the version it was typed against. */
    void restore(ScratchCopy copy) {
        title = copy.title();
        summary = copy.summary();
        body = copy.bodyMarkdown();
        version = copy.baseVersion();
    }

    /** Whether the form already holds the autosaved text (nothing to offer). */
    boolean holds(ScratchCopy copy) {
        return java.util.Objects.equals(title, copy.title()) && java.util.Objects.equals(summary, copy.summary())
                && java.util.Objects.equals(body, copy.bodyMarkdown());
    }

    static ArticleForm of(ArticleState state) {
        ArticleForm form = new ArticleForm();
        ArticleState.RevisionView r = state.workingRevision();
        form.slug = state.slug();
        form.title = r.title();
        form.summary = r.summary();
        form.body = r.body();
        form.category = r.category();
        form.authors = new ArrayList<>(r.authors());
        form.tags = new ArrayList<>(r.tags());
        for (PublicArticle.ReferenceView ref : r.references()) {
            // A citation composed from its parts is left out, so editing a part composes it again.
            boolean composed = ref.title() != null && ref.citation().equals(Reference.compose(ref.authors(), ref.title(),
                    ref.source(), ref.year()));
            form.refCitation.add(composed ? null : ref.citation());
            form.refAuthors.add(ref.authors());
            form.refTitle.add(ref.title());
            form.refSource.add(ref.source());
            form.refYear.add(ref.year() == null ? null : ref.year().toString());
            form.refDoi.add(ref.doi());
            form.refPmid.add(ref.pmid());
            form.refUrl.add(ref.url());
        }
        SearchAppearance seo = r.seo();
        form.metaTitle = seo.metaTitle();
        form.metaDescription = seo.metaDescription();
        form.canonicalUrl = seo.canonicalUrl();
        form.socialImageUrl = seo.socialImageUrl();
        form.noindex = seo.noindex();
        form.leadImage = r.leadImage();
        form.version = state.version();
        form.baseRevision = r.number();
        return form;
    }

    public boolean isPreview() {
        return "preview".equals(intent);
    }

    public boolean hasAuthor(String slug) {
        return authors.contains(slug);
    }

    public boolean hasTag(String slug) {
        return tags.contains(slug);
    }

    /** The workflow's input; reference rows left entirely blank are not references. */
    ArticleInput toInput() {
        return new ArticleInput(Forms.blankToNull(slug), title, summary, body, Forms.blankToNull(category),
                authors.stream().filter(a -> !a.isBlank()).toList(), tags.stream().filter(t -> !t.isBlank()).toList(),
                filledReferences(), Forms.blankToNull(changeNote), appearance(), Forms.blankToNull(leadImage));
    }

    /** The search and social fields as typed. */
    SearchAppearance appearance() {
        return new SearchAppearance(metaTitle, metaDescription, canonicalUrl, socialImageUrl, noindex);
    }

    /** The rows a writer filled in, in order: the workflow numbers its errors by this list. */
    private List<ArticleInput.ReferenceInput> filledReferences() {
        int rows = Stream.of(refCitation, refAuthors, refTitle, refSource, refYear, refDoi, refPmid, refUrl)
                .mapToInt(List::size).max().orElse(0);
        List<ArticleInput.ReferenceInput> references = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            ArticleInput.ReferenceInput ref = new ArticleInput.ReferenceInput(at(refCitation, i), at(refAuthors, i),
                    at(refTitle, i), at(refSource, i), at(refYear, i), at(refDoi, i), at(refPmid, i), at(refUrl, i));
            if (Stream.of(ref.citation(), ref.authors(), ref.title(), ref.source(), ref.year(), ref.doi(), ref.pmid(),
                    ref.url()).anyMatch(value -> value != null)) {
                references.add(ref);
            }
        }
        return references;
    }

    /**
     * The rows to render: the filled ones (numbered as the workflow numbers them in its errors, blank
     * rows skipped) and a few spare ones.
     */
    public List<ReferenceRow> referenceRows(Map<String, String> errors) {
        List<ReferenceRow> rows = new ArrayList<>();
        int index = 0;
        for (ArticleInput.ReferenceInput ref : filledReferences()) {
            String prefix = "references[" + index + "].";
            String error = errors.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .map(e -> e.getKey().substring(prefix.length()) + " " + e.getValue())
                    .collect(Collectors.joining("; "));
            rows.add(new ReferenceRow(index++, ref, error.isEmpty() ? null : error));
        }
        for (int spare = 0; spare < SPARE_REFERENCE_ROWS; spare++) {
            rows.add(new ReferenceRow(index++, new ArticleInput.ReferenceInput(null, null, null, null), null));
        }
        return rows;
    }

    /** The value at {@code i}, blank as null. */
    private static String at(List<String> values, int i) {
        return i < values.size() ? Forms.blankToNull(values.get(i)) : null;
    }
}
