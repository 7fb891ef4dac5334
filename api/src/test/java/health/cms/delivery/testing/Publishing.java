package health.cms.delivery.testing;

import health.cms.core.article.Article;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.testing.Fixtures;

/** Moves test content through the real workflow: a writer submits, a reviewer approves. */
public final class Publishing {

    private Publishing() {
    }

    public static Article submit(Article draft) {
        return Fixtures.transitions().apply(Fixtures.WRITER1, draft.id(), draft.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
    }

    /** Submits and approves a draft, or the working revision of a live article. */
    public static Article publish(Article draft) {
        Article submitted = submit(draft);
        return Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(),
                TransitionRequest.of(EditorialAction.APPROVE));
    }
}
