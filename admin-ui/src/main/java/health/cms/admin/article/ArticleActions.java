package health.cms.admin.article;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import health.cms.admin.web.DeskUser;
import health.cms.admin.web.Failures;
import health.cms.admin.web.Forms;
import health.cms.core.refusal.Refusal;
import io.quarkus.qute.TemplateInstance;

/**
 * Runs a workflow action posted from a desk page (the editor, the review screen): back to the page
 * with 303 when it went through, the page again with the refusal beside the action otherwise.
 */
@ApplicationScoped
public class ArticleActions {

    private final DeskUser user;
    private final ArticleCommands commands;

    ArticleActions(DeskUser user, ArticleCommands commands) {
        this.user = user;
        this.commands = commands;
    }

    /** {@code page} is where the action was posted from; {@code refusedPage} renders it with the failure. */
    public Response run(long id, ActionForm action, String page, Function<ActionView.Failure, TemplateInstance> refusedPage) {
        try {
            commands.transition(user.actor(), id, action.requiredVersion(), action.toBody());
            return Forms.seeOther(page + "?done=" + action.action);
        } catch (Refusal e) {
            if (e instanceof Refusal.NotFound) {
                throw e;
            }
            return Failures.refusedForm(e,
                    refusedPage.apply(new ActionView.Failure(Failures.formMessage(e), e.fieldErrors(), action)));
        }
    }
}
