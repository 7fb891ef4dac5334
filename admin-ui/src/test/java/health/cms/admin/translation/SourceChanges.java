package health.cms.admin.translation;

import health.cms.core.article.Article;
import health.cms.core.correction.ChangeClass;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.testing.Fixtures;

/** What outdates a translation in the desk's and the API's tests: a clinical change published to its source. */
final class SourceChanges {

    private SourceChanges() {
    }

    /** Writer1 changes the dose in the live source, reviewer2 approves it as a clinical change. */
    static void publishClinicalChange(Article source) {
        Article edited = Fixtures.drafting().edit(Fixtures.WRITER1, source.id(), source.version(),
                Fixtures.input(source.slug(), "Article " + source.slug(), "## Section\n\nTake 40 mg, not 20 mg."));
        Article submitted = Fixtures.transitions().apply(Fixtures.WRITER1, edited.id(), edited.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
        Fixtures.transitions().apply(Fixtures.REVIEWER2, submitted.id(), submitted.version(),
                new TransitionRequest(EditorialAction.APPROVE, null, null, ChangeClass.CLINICAL, "Dose corrected."));
    }
}
