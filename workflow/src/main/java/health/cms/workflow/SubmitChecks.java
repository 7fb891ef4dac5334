package health.cms.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.article.Revision;
import health.cms.core.refusal.Refusal;
import health.cms.workflow.media.ArticleImages;

/** What a revision needs before a medical reviewer is asked to read it: a body, references, described images. */
@ApplicationScoped
class SubmitChecks {

    private final ArticleImages images;

    SubmitChecks(ArticleImages images) {
        this.images = images;
    }

    /** Refuses the submission with every field at fault. */
    void check(Revision working) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (working.bodyMarkdown().isBlank()) {
            errors.put("body", "is required before submitting for medical review");
        }
        if (working.references().isEmpty()) {
            errors.put("references", "a medical article needs at least one reference before review");
        }
        images.submitProblem(working).ifPresent(problem -> errors.put("images", problem));
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
    }
}
