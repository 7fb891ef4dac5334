package health.cms.admin.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

import health.cms.admin.web.Forms;
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
    public List<String> refDoi = new ArrayList<>();
    @RestForm
    public List<String> refPmid = new ArrayList<>();
    @RestForm
    public List<String> refUrl = new ArrayList<>();
    @RestForm
    public String changeNote;
    /** The article version the form was loaded at: a save against a newer one is a conflict. */
    @RestForm
    public Long version;
    /** The working revision the form was loaded from, to show what others changed since. */
    @RestForm
    public Integer baseRevision;
    /** {@code save} or {@code preview}. */
    @RestForm
    public String intent;

    /** One citation row of the form, with the message for any of its fields. */
    public record ReferenceRow(int index, String citation, String doi, String pmid, String url, String error) {

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
        for (ArticleState.ReferenceView ref : r.references()) {
            form.refCitation.add(ref.citation());
            form.refDoi.add(ref.doi());
            form.refPmid.add(ref.pmid());
            form.refUrl.add(ref.url());
        }
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
        List<ArticleInput.ReferenceInput> references = new ArrayList<>();
        for (int i = 0; i < refCitation.size(); i++) {
            String citation = Forms.blankToNull(refCitation.get(i));
            String doi = Forms.blankToNull(at(refDoi, i));
            String pmid = Forms.blankToNull(at(refPmid, i));
            String url = Forms.blankToNull(at(refUrl, i));
            if (citation != null || doi != null || pmid != null || url != null) {
                references.add(new ArticleInput.ReferenceInput(citation, doi, pmid, url));
            }
        }
        return new ArticleInput(Forms.blankToNull(slug), title, summary, body, Forms.blankToNull(category),
                authors.stream().filter(a -> !a.isBlank()).toList(), tags.stream().filter(t -> !t.isBlank()).toList(),
                references, Forms.blankToNull(changeNote));
    }

    /**
     * The rows to render: the filled ones (numbered as the workflow numbers them in its errors, blank
     * rows skipped) and a few spare ones.
     */
    public List<ReferenceRow> referenceRows(Map<String, String> errors) {
        List<ReferenceRow> rows = new ArrayList<>();
        int index = 0;
        for (int i = 0; i < refCitation.size(); i++) {
            String citation = refCitation.get(i);
            String doi = at(refDoi, i);
            String pmid = at(refPmid, i);
            String url = at(refUrl, i);
            if (Forms.blankToNull(citation) == null && Forms.blankToNull(doi) == null && Forms.blankToNull(pmid) == null
                    && Forms.blankToNull(url) == null) {
                continue;
            }
            String prefix = "references[" + index + "].";
            String error = errors.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .map(e -> e.getKey().substring(prefix.length()) + " " + e.getValue()).findFirst().orElse(null);
            rows.add(new ReferenceRow(index++, citation, doi, pmid, url, error));
        }
        for (int spare = 0; spare < SPARE_REFERENCE_ROWS; spare++) {
            rows.add(new ReferenceRow(index++, null, null, null, null, null));
        }
        return rows;
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : null;
    }
}
