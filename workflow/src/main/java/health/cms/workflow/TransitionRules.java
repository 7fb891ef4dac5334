package health.cms.workflow;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.article.Article;
import health.cms.core.article.Revision;
import health.cms.core.comment.ReviewCommentRepository;
import health.cms.core.locale.Locales;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileRepository;
import health.cms.core.refusal.Refusal;
import health.cms.core.review.SignOffRepository;

/**
 * The per-article checks on top of {@link EditorialAction}'s table: separation of duties (neither the
 * revision's writers and editors nor the people in its byline sign it off), and that
 * only the submitter withdraws, and that no blocking review comment is open on an article being approved. The
 * buttons a person sees and the actions they may apply come from here.
 */
@ApplicationScoped
class TransitionRules {

    private final SignOffRepository signOffs;
    private final ReviewCommentRepository comments;
    private final ProfileRepository profiles;

    TransitionRules(SignOffRepository signOffs, ReviewCommentRepository comments, ProfileRepository profiles) {
        this.signOffs = signOffs;
        this.comments = comments;
        this.profiles = profiles;
    }

    Set<EditorialAction> available(Actor actor, Article article) {
        Set<EditorialAction> actions = EditorialAction.available(article.status(), article.isLive(), actor);
        actions.removeIf(action -> refusal(actor, article, action) != null || blockingProblem(article, action) != null);
        return actions;
    }

    /**
     * Refuses the action as a conflict (wrong state, or a blocking comment still open) or as forbidden (wrong
     * person).
     */
    void check(Actor actor, Article article, EditorialAction action) {
        String refusal = refusal(actor, article, action);
        if (refusal == null) {
            String blocked = blockingProblem(article, action);
            if (blocked != null) {
                throw Refusal.conflict(blocked);
            }
            return;
        }
        boolean stateProblem = !action.allowedFrom(article.status(), article.isLive());
        throw stateProblem ? Refusal.conflict(refusal) : Refusal.forbidden(refusal);
    }

    /**
     * Why the article may not go live now because of the review conversation, or null: every path to going
     * live (the desk, the API, bulk approval, a scheduled publication) asks here.
     */
    String blockingProblem(Article article, EditorialAction action) {
        if (action != EditorialAction.APPROVE && action != EditorialAction.PUBLISH_DUE) {
            return null;
        }
        long open = comments.openBlocking(article.id());
        return open == 0
                ? null
                : open + (open == 1 ? " blocking review comment is" : " blocking review comments are")
                        + " still open; resolve " + (open == 1 ? "it" : "them") + " before the article can go live";
    }

    /**
     * Why this person may not sign off the revision (they wrote or edited it, or their profile is in its
     * byline, or it is a translation into a language their profile does not list), or null if they may.
     */
    String separationOfDutiesProblem(Actor actor, Article article, Revision revision) {
        return separationOfDutiesProblem(actor.username(), article, revision);
    }

    /** The same check for any account, such as the reviewer the desk wants to assign. */
    String separationOfDutiesProblem(String username, Article article, Revision revision) {
        String language = languageProblem(username, article);
        if (language != null) {
            return language;
        }
        if (signOffs.contributorsOf(article, revision).contains(username)) {
            return "You wrote or edited revision " + revision.number() + ", so another medical reviewer must sign it off";
        }
        // A byline names the people readers hold responsible for the text, whoever typed it.
        return revision.authors().stream().filter(author -> username.equals(author.keycloakUser())).findFirst()
                .map(author -> "Your profile (" + author.displayName() + ") is in the byline of revision "
                        + revision.number() + ", so another medical reviewer must sign it off")
                .orElse(null);
    }

    /**
     * Why this account may not sign off a translation: its reviewer profile does not list the translation's
     * language (a German reviewer reads {@code de-AT} too). Null for source articles and for those who may.
     */
    private String languageProblem(String username, Article article) {
        if (!article.isTranslation()) {
            return null;
        }
        var languages = profiles.findByKeycloakUser(username).map(Profile::languages).orElse(List.of());
        return languages.stream().anyMatch(language -> Locales.reads(language, article.locale()))
                ? null
                : "This translation is in " + article.locale() + ", which your reviewer profile does not list among "
                        + "your languages; a reviewer who reads it must sign it off";
    }

    /** The reason this action is refused for this person and article, or null when it is allowed. */
    private String refusal(Actor actor, Article article, EditorialAction action) {
        if (!action.allowedFor(actor)) {
            return "The " + action.value() + " action needs the " + action.role().value() + " role";
        }
        if (!action.allowedFrom(article.status(), article.isLive())) {
            return action.needsLiveRevision() && !article.isLive()
                    ? "The article is not live, so it cannot be "
                            + (action == EditorialAction.UNPUBLISH ? "unpublished" : "recertified")
                    : "The " + action.value() + " action is not possible while the article is " + article.status();
        }
        return switch (action) {
            case APPROVE -> separationOfDutiesProblem(actor, article, article.workingRevision());
            case RECERTIFY -> separationOfDutiesProblem(actor, article, article.liveRevision());
            case WITHDRAW -> actor.username().equals(article.submittedBy())
                    ? null
                    : "Only the person who submitted the article can withdraw it";
            default -> null;
        };
    }
}
