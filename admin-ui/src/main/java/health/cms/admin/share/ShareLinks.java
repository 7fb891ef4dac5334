package health.cms.admin.share;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.audit.AuditLog;
import health.cms.core.audit.AuditSubject;
import health.cms.core.preview.ShareLink;
import health.cms.core.preview.ShareLinkRepository;
import health.cms.core.refusal.Refusal;
import health.cms.workflow.Actor;
import health.cms.workflow.Role;

/**
 * Writers, reviewers and editors make expiring share links to an article's working revision, to read it in a
 * downstream site's own layout before it is approved; the one who made a link, or an editor, revokes it.
 */
@ApplicationScoped
@Transactional
public class ShareLinks {

    /** More links than anyone makes for one article; older ones are not listed. */
    static final int LISTED = 50;

    private final ShareLinkRepository links;
    private final ArticleRepository articles;
    private final AuditLog audit;
    private final PreviewConfig config;
    private final Clock clock;

    ShareLinks(ShareLinkRepository links, ArticleRepository articles, AuditLog audit, PreviewConfig config,
            Clock clock) {
        this.links = links;
        this.articles = articles;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    public ShareLinkView create(Actor actor, long articleId) {
        requireDeskRole(actor);
        Article article = article(articleId);
        ShareLink link = new ShareLink(article.id(), actor.username(), clock.instant(),
                clock.instant().plus(config.linkTtl()));
        links.persist(link);
        links.flush();
        audited(actor, ShareLinkAction.CREATE_SHARE_LINK, link, article.slug());
        return view(link, article.slug());
    }

    public List<ShareLinkView> forArticle(Actor actor, long articleId) {
        requireDeskRole(actor);
        Article article = article(articleId);
        return links.forArticle(article.id(), LISTED).stream().map(link -> view(link, article.slug())).toList();
    }

    public ShareLinkView revoke(Actor actor, long linkId) {
        requireDeskRole(actor);
        ShareLink link = links.findById(linkId);
        if (link == null) {
            throw Refusal.notFound("Preview link " + linkId);
        }
        if (!actor.has(Role.EDITOR) && !actor.username().equals(link.createdBy())) {
            throw Refusal.forbidden("Only " + link.createdBy() + ", who made this link, or an editor may revoke it");
        }
        link.revoke(actor.username(), clock.instant());
        String slug = article(link.articleId()).slug();
        audited(actor, ShareLinkAction.REVOKE_SHARE_LINK, link, slug);
        return view(link, slug);
    }

    /** Who made or ended which article's link, and until when it was good: the trail of who could read a draft. */
    private void audited(Actor actor, ShareLinkAction action, ShareLink link, String slug) {
        audit.append(AuditLog.Entry.about(AuditSubject.SHARE_LINK, link.id().toString(), clock.instant(),
                actor.username(), action.value(),
                "article " + link.articleId() + " (" + slug + "); expires " + link.expiresAt()));
    }

    private ShareLinkView view(ShareLink link, String slug) {
        String token = link.token().sign(config.linkKey());
        List<ShareLinkView.SiteUrl> urls = new ArrayList<>();
        Map<String, PreviewConfig.Site> sites = new TreeMap<>(config.sites());
        if (sites.isEmpty()) {
            urls.add(new ShareLinkView.SiteUrl("api", url(config.apiUrl(), slug, token)));
        }
        sites.forEach((name, site) -> urls.add(new ShareLinkView.SiteUrl(name, url(site.urlTemplate(), slug, token))));
        return new ShareLinkView(link.id(), link.articleId(), slug, link.createdBy(), link.createdAt(), link.expiresAt(),
                link.revokedAt(), link.revokedBy(), urls);
    }

    static String url(String template, String slug, String token) {
        return template.replace("{slug}", URLEncoder.encode(slug, StandardCharsets.UTF_8)).replace("{token}",
                URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private Article article(long id) {
        return articles.findByIdOptional(id).orElseThrow(() -> Refusal.notFound("Article " + id));
    }

    private static void requireDeskRole(Actor actor) {
        if (!actor.has(Role.WRITER) && !actor.has(Role.MEDICAL_REVIEWER) && !actor.has(Role.EDITOR)) {
            throw Refusal.forbidden("Preview links are for writers, medical reviewers and editors");
        }
    }
}
