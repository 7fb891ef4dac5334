package health.cms.admin.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.admin.config.CmsConfig;
import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.correction.ChangeClass;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileDetails;
import health.cms.core.profile.ProfileRepository;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.CategoryRepository;
import health.cms.core.taxonomy.LocalName;
import health.cms.core.taxonomy.Tag;
import health.cms.core.taxonomy.TagRepository;
import health.cms.workflow.Actor;
import health.cms.workflow.DraftingService;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.Role;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.TransitionService;
import health.cms.workflow.TranslationService;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads our demo content into an empty database when {@code cms.demo.enabled} is set. Articles go
 * through the editorial workflow like real ones: written by a writer, signed off by a different
 * medical reviewer, so the demo shows real sign-offs and a real audit trail.
 */
@ApplicationScoped
public class DemoContentLoader {

    private static final Logger LOG = Logger.getLogger(DemoContentLoader.class);
    static final String RESOURCE = "demo/demo-content.json";

    private final CmsConfig config;
    private final ObjectMapper json;
    private final DraftingService drafting;
    private final TransitionService transitions;
    private final TranslationService translations;
    private final ArticleRepository articles;
    private final CategoryRepository categories;
    private final TagRepository tags;
    private final ProfileRepository profiles;
    private final Clock clock;

    DemoContentLoader(CmsConfig config, ObjectMapper json, DraftingService drafting, TransitionService transitions,
            TranslationService translations, ArticleRepository articles,
            CategoryRepository categories, TagRepository tags, ProfileRepository profiles, Clock clock) {
        this.config = config;
        this.json = json;
        this.drafting = drafting;
        this.transitions = transitions;
        this.translations = translations;
        this.articles = articles;
        this.categories = categories;
        this.tags = tags;
        this.profiles = profiles;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.demo().enabled()) {
            loadIfEmpty();
        }
    }

    /**
     * Loads the demo content unless the database already holds content; returns the articles loaded (translations
     * included).
     */
    @Transactional
    public int loadIfEmpty() {
        if (categories.count() > 0 || articles.count() > 0) {
            LOG.info("Content already present: demo content not loaded");
            return 0;
        }
        DemoContent demo = read();
        Instant now = clock.instant();
        demo.categories().forEach(c -> {
            Category category = new Category(c.slug(), c.name(), c.description(), c.reviewIntervalMonths(), now);
            c.names().forEach((locale, name) -> category.nameIn(locale, new LocalName(name, null)));
            categories.persist(category);
        });
        demo.tags().forEach(t -> {
            Tag tag = new Tag(t.slug(), t.name(), now);
            t.names().forEach((locale, name) -> tag.nameIn(locale, new LocalName(name, null)));
            tags.persist(tag);
        });
        demo.profiles().forEach(p -> {
            Profile profile = new Profile(p.slug(), new ProfileDetails(p.displayName(), p.credentials(), p.bio(),
                    p.website(), p.avatarUrl(), p.specialties(), p.keycloakUser(), p.author(), p.reviewer()), now);
            if (p.languages() != null) {
                profile.keepExpertise(p.specialties(), p.languages());
            }
            profiles.persist(profile);
        });
        Map<String, DemoContent.ArticleData> sources = new HashMap<>();
        for (DemoContent.ArticleData data : demo.articles()) {
            publish(drafting.create(writer(data.writtenBy()), data.input()), data.writtenBy(), data.reviewedBy(),
                    TransitionRequest.of(EditorialAction.APPROVE, "Checked against the cited guidance."));
            sources.put(data.slug(), data);
        }
        // Translations of live articles, then a factual change to one source: its translation shows as outdated.
        for (DemoContent.TranslationData t : demo.translations()) {
            DemoContent.ArticleData source = sources.get(t.source());
            publish(translations.translate(writer(t.writtenBy()), articles.findBySlug(t.source()).orElseThrow().id(),
                    t.locale(), source.input(t.slug(), t.title(), t.summary(), t.body(), t.changeNote())),
                    t.writtenBy(), t.reviewedBy(), TransitionRequest.of(EditorialAction.APPROVE,
                            "Checked against the source and the cited guidance."));
        }
        for (DemoContent.SourceUpdate update : demo.sourceUpdates()) {
            DemoContent.ArticleData source = sources.get(update.source());
            Article live = articles.findBySlug(update.source()).orElseThrow();
            Article edited = drafting.edit(writer(update.writtenBy()), live.id(), live.version(),
                    source.input(source.slug(), source.title(), source.summary(),
                            source.body().replace(update.find(), update.replace()), update.changeNote()));
            publish(edited, update.writtenBy(), update.reviewedBy(), new TransitionRequest(EditorialAction.APPROVE,
                    "Checked against the cited guidance.", null, ChangeClass.fromValue(update.changeClass()),
                    update.note()));
        }
        LOG.infof("Loaded demo content: %d articles, %d translations, %d profiles, %d categories",
                demo.articles().size(), demo.translations().size(), demo.profiles().size(), demo.categories().size());
        return demo.articles().size() + demo.translations().size();
    }

    private void publish(Article draft, String writtenBy, String reviewedBy, TransitionRequest approval) {
        Article submitted = transitions.apply(writer(writtenBy), draft.id(), draft.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
        transitions.apply(new Actor(reviewedBy, EnumSet.of(Role.MEDICAL_REVIEWER)), submitted.id(),
                submitted.version(), approval);
    }

    private static Actor writer(String username) {
        return new Actor(username, EnumSet.of(Role.WRITER));
    }

    private DemoContent read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return json.readValue(in, DemoContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }
}
