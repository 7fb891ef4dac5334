package health.cms.delivery.preview;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import health.cms.core.preview.ShareToken;
import health.cms.core.problem.Problem;
import health.cms.delivery.apikey.KeyGate;
import health.cms.workflow.review.ReviewStatus;

/**
 * The one check of a preview request, for REST and GraphQL alike: a preview key, or a share link's token that
 * is well signed, unexpired, for this article and not revoked; then the working revision in the published shape
 * plus {@code preview}, {@code state}, {@code workingRevision} and {@code signed}.
 */
@ApplicationScoped
public class PreviewAccess {

    /** Status of the medical review of a revision nobody has signed yet. */
    static final String NOT_SIGNED = "not-signed";

    private final PreviewArticles previews;
    private final ObjectMapper json;
    private final Clock clock;
    private final PreviewLinkConfig config;
    private final KeyGate gate;

    PreviewAccess(PreviewArticles previews, ObjectMapper json, Clock clock, PreviewLinkConfig config, KeyGate gate) {
        this.previews = previews;
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.gate = gate;
    }

    /** A preview refused for want of a working key or link: the 401 problem to answer with. */
    public static class RefusedException extends RuntimeException {

        private final transient Problem problem;

        RefusedException(String type, String title, String detail) {
            super(detail);
            this.problem = Problem.of(401, type, title, detail);
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * The preview view of the article at {@code slug}, or empty when there is no such article; refused (before
     * anything is read when no key or token is sent) with {@link RefusedException}.
     */
    public Optional<ObjectNode> open(String slug, String token, String apiKey, String authorization) {
        Optional<ShareToken> link = Optional.empty();
        if (token == null && !gate.hasPreviewKey(apiKey, authorization)) {
            throw new RefusedException("preview-key-required", "Preview key required",
                    "The preview API serves unpublished revisions to preview-key and share-link holders only");
        }
        if (token != null) {
            // The edge let this request in for its token alone, or with a preview key: either way a token sent is checked.
            link = ShareToken.verify(token, config.linkKey());
            if (link.isEmpty()) {
                throw new RefusedException("share-link-invalid", "Invalid preview link",
                        "This preview link was not issued by this CMS or was cut short; ask for a new one");
            }
            if (link.get().expiredAt(clock.instant())) {
                throw new RefusedException("share-link-expired", "Preview link expired",
                        "This preview link expired at " + link.get().expiresAt() + "; ask the desk for a new one");
            }
        }
        Optional<PreviewArticles.Preview> found = previews.bySlug(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PreviewArticles.Preview preview = found.get();
        if (link.isPresent() && (link.get().articleId() != preview.articleId()
                || !previews.linkStands(link.get().linkId(), preview.articleId()))) {
            throw new RefusedException("share-link-revoked", "Preview link revoked",
                    "This preview link was revoked, or is for another article; ask the desk for a new one");
        }
        ObjectNode view = json.valueToTree(preview.article());
        ((ObjectNode) view.path("medicalReview")).put("status", preview.signed()
                ? ReviewStatus.of(preview.nextReviewDue(), clock.instant()).value()
                : NOT_SIGNED);
        view.put("preview", true);
        view.put("state", preview.state());
        view.put("workingRevision", preview.workingRevision());
        view.put("signed", preview.signed());
        return Optional.of(view);
    }
}
