package health.cms.workflow.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import health.cms.core.article.Article;
import health.cms.core.correction.ChangeClass;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileDetails;
import health.cms.core.profile.ProfileRepository;
import health.cms.core.refusal.Refusal;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.CategoryRepository;
import health.cms.core.taxonomy.Tag;
import health.cms.core.taxonomy.TagRepository;
import health.cms.core.testing.HostileMarkup;
import health.cms.workflow.Actor;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.DraftingService;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.Role;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.TransitionService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Puts each hostile payload into every field that is rendered anywhere, through the real workflow: an
 * article whose title, lead, body, reference (citation, DOI, URL), change notes, submit and review
 * comments and public correction note carry the payload; its category and tag names; its author's
 * name, credentials, bio and specialty; and the name and credentials of the medical reviewer who
 * signed it off (frozen into the sign-off). Each article ends live at revision 2 (with a factual
 * correction); with {@link #withHistory} it also went through a request for changes and has revision 3
 * waiting in medical review, so the desk's lists, queues, diffs and history all show payloads.
 */
public final class HostileArticles {

    /** Every article carries this word, so one search finds them all. */
    public static final String MARKER = "zqhostilemarker";

    /**
     * What was made for one payload. {@code bodyRefusal} is the save's refusal of a body carrying the payload
     * (one that shows an image, which no body may); that article's body then has {@link #REFUSED_BODY} in the
     * payload's place, and every other field still carries the payload.
     */
    public record Made(HostileMarkup.Payload payload, long articleId, String slug, String author, String reviewer,
            String category, String tag, Optional<String> bodyRefusal) {
    }

    /** Stands in the body for a payload the save refused. */
    public static final String REFUSED_BODY = "A body with this payload was refused at save.";

    private HostileArticles() {
    }

    /** Live articles for the delivery API: revision 2 live with a correction. */
    public static List<Made> live(String prefix, List<HostileMarkup.Payload> payloads) {
        return make(prefix, payloads, false);
    }

    /** The same, plus a request for changes and revision 3 waiting in review: what the desk shows. */
    public static List<Made> withHistory(String prefix, List<HostileMarkup.Payload> payloads) {
        return make(prefix, payloads, true);
    }

    /** Makes the content of every payload, four at a time (each payload's steps in order). */
    private static List<Made> make(String prefix, List<HostileMarkup.Payload> payloads, boolean history) {
        Fixtures.ensureBasics();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Made>> futures = new ArrayList<>();
            for (HostileMarkup.Payload p : payloads) {
                futures.add(pool.submit(() -> make(prefix + "-" + p.number(), p, history)));
            }
            List<Made> made = new ArrayList<>();
            for (Future<Made> future : futures) {
                made.add(future.get());
            }
            return made;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not make the hostile content: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static Made make(String key, HostileMarkup.Payload payload, boolean history) {
        String p = payload.text();
        String reviewer = key + "-reviewer";
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            Fixtures.bean(CategoryRepository.class).persist(new Category(key + "-category", cut(p, 200), p, 12, now));
            Fixtures.bean(TagRepository.class).persist(new Tag(key + "-tag", cut(p, 200), now));
            ProfileRepository profiles = Fixtures.bean(ProfileRepository.class);
            profiles.persist(new Profile(key + "-author", new ProfileDetails(cut(p, 200), cut(p, 200), p,
                    "https://example.org/author", null, List.of(cut(p, 100)), null, true, false), now));
            profiles.persist(new Profile(reviewer, new ProfileDetails(cut(p, 200), cut(p, 200), p, null, null, List.of(),
                    reviewer, false, true), now));
        });
        Actor reviewerActor = new Actor(reviewer, EnumSet.of(Role.MEDICAL_REVIEWER));
        DraftingService drafting = Fixtures.drafting();
        TransitionService transitions = Fixtures.transitions();
        Optional<String> bodyRefusal = Optional.empty();
        Article article;
        try {
            article = drafting.create(Fixtures.WRITER1, input(key, p, cut(p, 300), body(p)));
        } catch (Refusal.Invalid refused) {
            if (!refused.fieldErrors().keySet().equals(Set.of("body"))) {
                throw refused;
            }
            bodyRefusal = Optional.of(refused.fieldErrors().get("body"));
            article = drafting.create(Fixtures.WRITER1, input(key, p, cut(p, 300), body(REFUSED_BODY)));
        }
        String b = bodyRefusal.isPresent() ? REFUSED_BODY : p;
        article = transitions.apply(Fixtures.WRITER1, article.id(), article.version(),
                TransitionRequest.of(EditorialAction.SUBMIT, p));
        article = transitions.apply(reviewerActor, article.id(), article.version(),
                TransitionRequest.of(EditorialAction.APPROVE, p));
        article = drafting.edit(Fixtures.WRITER1, article.id(), article.version(),
                input(key, p, cut(p, 300), body(b) + "\n\nRevised: dose 10 mg. " + b));
        article = transitions.apply(Fixtures.WRITER1, article.id(), article.version(),
                TransitionRequest.of(EditorialAction.SUBMIT, p));
        if (history) {
            article = transitions.apply(reviewerActor, article.id(), article.version(),
                    TransitionRequest.of(EditorialAction.REQUEST_CHANGES, p));
            article = transitions.apply(Fixtures.WRITER1, article.id(), article.version(),
                    TransitionRequest.of(EditorialAction.SUBMIT, p));
        }
        article = transitions.apply(reviewerActor, article.id(), article.version(),
                new TransitionRequest(EditorialAction.APPROVE, p, null, ChangeClass.FACTUAL, p));
        if (history) {
            article = drafting.edit(Fixtures.WRITER1, article.id(), article.version(),
                    input(key, p, cut("v3 " + p, 300), body(b) + "\n\nThird revision: dose 20 mg. " + b));
            transitions.apply(Fixtures.WRITER1, article.id(), article.version(),
                    TransitionRequest.of(EditorialAction.SUBMIT, p));
        }
        return new Made(payload, article.id(), key, key + "-author", reviewer, key + "-category", key + "-tag",
                bodyRefusal);
    }

    private static ArticleInput input(String key, String p, String title, String body) {
        boolean oneWord = p.chars().noneMatch(Character::isWhitespace);
        String doi = oneWord && p.length() < 190 ? "10.1000/" + p : "10.1000/" + key;
        String url = oneWord ? "https://example.org/" + p : "https://example.org/" + key;
        return new ArticleInput(key, title, p, body, key + "-category", List.of(key + "-author"), List.of(key + "-tag"),
                List.of(new ArticleInput.ReferenceInput(p, doi, "1234567", url)), p);
    }

    /** The payload alone, in a heading, in running text, in a list and as a link text. */
    private static String body(String p) {
        String line = p.lines().findFirst().orElse(p);
        return p + "\n\n## " + line + "\n\nDose 5 mg once a day; " + MARKER + " " + p + "\n\n- " + line + "\n\n[" + line
                + "](https://example.org/ref)";
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
