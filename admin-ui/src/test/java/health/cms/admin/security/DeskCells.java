package health.cms.admin.security;

import static health.cms.admin.testing.DeskForms.form;
import static health.cms.admin.testing.DeskForms.multipart;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import health.cms.admin.apikey.ApiKeyInput;
import health.cms.admin.apikey.ApiKeys;
import health.cms.admin.catalog.DeskCatalog;
import health.cms.admin.importing.ArticleImporter;
import health.cms.admin.importing.ImportSource;
import health.cms.admin.media.MediaImages;
import health.cms.admin.media.MediaLibrary;
import health.cms.admin.reviewer.Expertise;
import health.cms.admin.share.ShareLinks;
import health.cms.admin.webhook.Webhooks;
import health.cms.core.article.Article;
import health.cms.core.comment.ReviewComment;
import health.cms.core.comment.TextQuote;
import health.cms.core.media.MediaDescription;
import health.cms.core.profile.ProfileDetails;
import health.cms.webhooks.SubscriptionInput;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.comment.ReviewComments;
import health.cms.workflow.schedule.ScheduledJobRepository;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;

/**
 * The cells of {@link AccessMatrix#DESK_PAGES} as {@link AuthorizationMatrixTest} sends them: the form each body
 * name posts and the fresh record each path placeholder names, made through the services in the test app.
 */
final class DeskCells {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    private DeskCells() {
    }

    /** A record made for one cell: its id or slug and its version. */
    record Target(String key, Long version) {

        static Target of(Article article) {
            return new Target(article.id().toString(), article.version());
        }
    }

    /** The form of {@code name}, with the CSRF token of {@code user}'s session. */
    static RequestSpecification body(String name, Target target, String user) {
        return switch (name) {
            case "-" -> form(user);
            case "article" -> {
                RequestSpecification article = form(user).formParam("title", "Access matrix article")
                        .formParam("summary", "A lead.").formParam("body", "## Dosage\n\nTake 5 mg once a day.")
                        .formParam("category", "treatments-therapies").formParam("authors", "anna-berg")
                        .formParam("tags", "cancer").formParam("refCitation", "Doe J. A trial. NEJM. 2021;1:1.")
                        .formParam("changeNote", "Matrix").formParam("intent", "save");
                yield target == null ? article.formParam("slug", slug("page")) : article.formParam("version", target.version());
            }
            case "preview" -> form(user).formParam("title", "Preview").formParam("summary", "Lead")
                    .formParam("body", "## Dose\n\nTake **5 mg**.").formParam("intent", "preview");
            case "scratch" -> form(user).formParam("version", target.version()).formParam("title", "Scratch")
                    .formParam("summary", "Lead").formParam("body", "Typed but not saved.");
            case "submit", "withdraw", "approve", "cancel-schedule", "unpublish", "recertify", "request-changes" -> form(user)
                    .formParam("action", name).formParam("version", target.version())
                    .formParam("comment", "Please cite the current guideline.");
            case "comment" -> form(user).formParam("exact", "Body of").formParam("body", "Which guideline?");
            case "move" -> form(user).formParam("to", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString())
                    .formParam("version", target.version());
            case "reply" -> form(user).formParam("body", "The 2024 one.");
            case "translation" -> form(user).formParam("locale", "de").formParam("slug", slug("translation"))
                    .formParam("title", "Matrix-Übersetzung");
            case "vocabulary" -> form(user).formParam("terms", slug("lay") + ", " + slug("clinical"));
            case "assignee" -> form(user).formParam("reviewer", "reviewer1").formParam("version", target.version());
            case "preference" -> form(user).formParam("preference", "daily");
            case "expertise" -> form(user).formParam("specialties", "Oncology").formParam("languages", "en");
            case "declaration" -> form(user).formParam("organisation", "Matrix Org").formParam("kind", "grant")
                    .formParam("periodFrom", "2024-01-01");
            case "category" -> form(user).formParam("slug", slug("category")).formParam("name", "Matrix category")
                    .formParam("reviewIntervalMonths", "12").formParam("version", target == null ? "" : target.version());
            case "tag" -> form(user).formParam("slug", slug("tag")).formParam("name", "Matrix tag")
                    .formParam("version", target == null ? "" : target.version());
            case "names" -> form(user).formParam("version", target.version()).formParam("locale", "de")
                    .formParam("name", "Matrix-Name").formParam("localSlug", "");
            case "profile" -> form(user).formParam("slug", slug("profile")).formParam("displayName", "Matrix Author")
                    .formParam("author", "true").formParam("version", target == null ? "" : target.version());
            case "import" -> multipart(user).multiPart("lines", importLine(slug("imported")));
            case "webhook" -> {
                RequestSpecification webhook = form(user).formParam("url", ManagementApiMatrix.WEBHOOK_TARGET)
                        .formParam("eventTypes", "article.published").formParam("enabled", "true");
                yield target == null ? webhook : webhook.formParam("version", target.version());
            }
            case "apikey" -> {
                RequestSpecification key = form(user).formParam("name", "Matrix key").formParam("scope", "delivery");
                yield target == null ? key : key.formParam("version", target.version());
            }
            case "image" -> multipart(user).multiPart("file", "matrix.png", MediaImages.png(40, 30), "image/png")
                    .multiPart("altText", "Matrix image");
            case "media" -> form(user).formParam("version", target.version()).formParam("altText", "Matrix alt text")
                    .formParam("caption", "Matrix caption");
            default -> throw new IllegalArgumentException("no body called " + name);
        };
    }

    static Target fixture(String name) {
        Fixtures.ensureBasics();
        return switch (name) {
            case "draft" -> Target.of(Fixtures.draft(slug("draft")));
            case "submitted" -> Target.of(Fixtures.submitted(slug("submitted")));
            case "published" -> Target.of(Fixtures.published(slug("published")));
            case "own" -> {
                String slug = slug("own");
                Article own = Fixtures.drafting().create(Fixtures.REVIEWER2,
                        Fixtures.input(slug, "Own " + slug, "## A\n\nText."));
                yield Target.of(Fixtures.transitions().apply(Fixtures.REVIEWER2, own.id(), own.version(),
                        TransitionRequest.of(EditorialAction.SUBMIT)));
            }
            case "scheduled" -> {
                Article submitted = Fixtures.submitted(slug("scheduled"));
                yield Target.of(Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(),
                        new TransitionRequest(EditorialAction.APPROVE, null,
                                Fixtures.bean(Clock.class).instant().plus(Duration.ofDays(1)), null, null)));
            }
            case "job" -> {
                Target scheduled = fixture("scheduled");
                long job = QuarkusTransaction.requiringNew().call(() -> Fixtures.bean(ScheduledJobRepository.class)
                        .pendingFor(Long.parseLong(scheduled.key())).get(0).id());
                yield new Target(Long.toString(job), scheduled.version());
            }
            case "thread" -> {
                Article submitted = Fixtures.submitted(slug("thread"));
                ReviewComment comment = Fixtures.bean(ReviewComments.class).comment(Fixtures.EDITOR1, submitted.id(),
                        new TextQuote("Body of", null, null), "Which guideline?", false);
                yield new Target(submitted.id() + "/comments/" + comment.id(), null);
            }
            case "category" -> {
                var category = catalog().createCategory(Fixtures.EDITOR1, slug("category"), "Matrix category", null, 12);
                yield new Target(category.slug(), category.version());
            }
            case "tag" -> {
                var tag = catalog().createTag(Fixtures.EDITOR1, slug("tag"), "Matrix tag");
                yield new Target(tag.slug(), tag.version());
            }
            case "profile" -> {
                var profile = catalog().createProfile(Fixtures.EDITOR1, slug("profile"),
                        new ProfileDetails("Matrix Author", null, null, null, null, List.of(), null, true, false));
                yield new Target(profile.slug(), profile.version());
            }
            case "import" -> new Target(Fixtures.bean(ArticleImporter.class)
                    .start(Fixtures.WRITER1, ImportSource.of(importLine(slug("imported")), "body"), false).id().toString(),
                    null);
            case "webhook" -> {
                var subscription = Fixtures.bean(Webhooks.class).create(Fixtures.EDITOR1, new SubscriptionInput(
                        ManagementApiMatrix.WEBHOOK_TARGET, "matrix", List.of("article.published"), List.of(), true))
                        .subscription();
                yield new Target(Long.toString(subscription.id()), subscription.version());
            }
            case "delivery" -> new Target(Long.toString(Fixtures.bean(Webhooks.class)
                    .sendTest(Fixtures.EDITOR1, Long.parseLong(fixture("webhook").key())).id()), null);
            case "apikey" -> {
                var key = Fixtures.bean(ApiKeys.class).create(Fixtures.EDITOR1, new ApiKeyInput("Matrix key", "delivery"))
                        .apiKey();
                yield new Target(Long.toString(key.id()), key.version());
            }
            case "declaration" -> new Target(Long.toString(Fixtures.bean(Expertise.class).declare(Fixtures.REVIEWER1,
                    "Matrix Org", "grant", java.time.LocalDate.of(2024, 1, 1), null).id()), null);
            case "sharelink" -> new Target(Long.toString(Fixtures.bean(ShareLinks.class)
                    .create(Fixtures.WRITER1, Fixtures.draft(slug("shared")).id()).id()), null);
            case "media" -> {
                var image = Fixtures.bean(MediaLibrary.class).upload(Fixtures.WRITER1, MediaImages.png(40, 30),
                        MediaDescription.empty()).asset();
                yield new Target(Long.toString(image.id()), image.version());
            }
            default -> throw new IllegalArgumentException("no fixture called {" + name + "}");
        };
    }

    private static DeskCatalog catalog() {
        return Fixtures.bean(DeskCatalog.class);
    }

    private static String importLine(String slug) {
        return "{\"slug\": \"" + slug + "\", \"title\": \"Imported\", \"summary\": \"Lead.\", \"body\": \"## A\\n\\nText.\","
                + " \"category\": \"treatments-therapies\", \"author\": \"anna-berg\","
                + " \"references\": [{\"citation\": \"Doe J. Trial. 2020.\"}]}";
    }

    private static String slug(String kind) {
        return "mxp-" + kind + "-" + SERIAL.incrementAndGet();
    }
}
