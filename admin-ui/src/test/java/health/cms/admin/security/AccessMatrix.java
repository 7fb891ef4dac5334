package health.cms.admin.security;

import java.util.List;

import health.cms.admin.security.MatrixTable.Row;
import health.cms.admin.security.MatrixTable.User;

/**
 * Who may do what on the desk: every management endpoint and every desk page, with the status each
 * user gets. The tables are the specification; {@code AuthorizationMatrixTest} runs them against the
 * app (and fails when the app serves an endpoint that is in neither table), and the launcher's
 * {@code LocalStackIT} runs the management table with tokens from the real Keycloak.
 *
 * <p>
 * A path placeholder is a fresh record made for that one request, so every cell starts from the same
 * state: {@code {draft}} a draft by writer1; {@code {submitted}} writer1's draft submitted by writer1;
 * {@code {own}} a draft written and submitted by reviewer2 (who is writer and reviewer);
 * {@code {published}} writer1's article approved by reviewer1; {@code {scheduled}} one approved by
 * reviewer1 to go live tomorrow; {@code {thread}} a comment by editor1 on a submitted article (the path's
 * {@code {thread}} stands for {@code <article>/comments/<comment>}); {@code {category}}, {@code {tag}}, {@code {profile}} unused catalog
 * entries made by editor1; {@code {import}} an import job started by writer1; {@code {webhook}} a
 * subscription made by editor1 and {@code {delivery}} a test event sent to it; {@code {apikey}} an API key
 * issued by editor1; {@code {sharelink}} a preview link to a draft, made by writer1; {@code {job}} the planned
 * publication of an article approved by reviewer1 to go live tomorrow (its version goes in the form); {@code {media}} an
 * image uploaded by writer1 ({@code image} sends a new picture each time, so every upload is a new asset);
 * {@code {declaration}} a conflict-of-interest declaration of reviewer1; {@code {notification}} writer1's notice that
 * reviewer1 requested changes. Writes send the record's
 * current version in {@code If-Match} (the API) or the form's {@code version} field (the desk). The
 * "body" column names what is sent: a valid article, a workflow action, a catalog entry and so on.
 *
 * <p>
 * {@code outsider} is someone the realm knows who holds none of the desk's roles: signed in, but no
 * desk role, so refused everywhere but on the dashboard, which tells them to ask for a role (the realm
 * may serve other applications).
 */
public final class AccessMatrix {

    /** The Content Management API (bearer tokens). Anonymous callers get 401, never a redirect. */
    public static final String MANAGEMENT_API = """
            request                                              body             anonymous writer1 writer2 reviewer1 reviewer2 editor1 outsider
            # articles: reading is for every desk role, writing follows the workflow's roles
            GET    /manage/v1/articles                           -                401       200     200     200       200       200     403
            POST   /manage/v1/articles                           article          401       201     201     403       201       403     403
            GET    /manage/v1/articles/{draft}                   -                401       200     200     200       200       200     403
            PUT    /manage/v1/articles/{draft}                   article          401       200     200     403       200       403     403
            PUT    /manage/v1/articles/{draft}/slug              slug             401       403     403     403       403       200     403
            # assignment (the body names reviewer1): an editor assigns anyone, a reviewer takes one in their own specialty
            PUT    /manage/v1/articles/{submitted}/assignee      assignee         401       403     403     200       403       200     403
            GET    /manage/v1/articles/{submitted}/reviewers     -                401       200     200     200       200       200     403
            GET    /manage/v1/articles/{published}/revisions     -                401       200     200     200       200       200     403
            GET    /manage/v1/articles/{published}/revisions/1   -                401       200     200     200       200       200     403
            GET    /manage/v1/articles/{published}/diff          -                401       200     200     200       200       200     403
            GET    /manage/v1/articles/{published}/audit         -                401       200     200     200       200       200     403
            # workflow actions (the role rules of EditorialAction, separation of duties, submitter-only withdraw)
            POST   /manage/v1/articles/{draft}/transitions       submit           401       200     200     403       200       403     403
            POST   /manage/v1/articles/{submitted}/transitions   withdraw         401       200     403     403       403       403     403
            POST   /manage/v1/articles/{submitted}/transitions   request-changes  401       403     403     200       200       403     403
            POST   /manage/v1/articles/{submitted}/transitions   approve          401       403     403     200       200       403     403
            POST   /manage/v1/articles/{own}/transitions         approve          401       403     403     200       403       403     403
            POST   /manage/v1/articles/{scheduled}/transitions   cancel-schedule  401       403     403     403       403       200     403
            POST   /manage/v1/articles/{published}/transitions   unpublish        401       403     403     403       403       200     403
            POST   /manage/v1/articles/{published}/transitions   recertify        401       403     403     200       200       403     403
            # review comments: reviewers and editors start a thread, anyone on the desk replies, writers, editors and its author resolve it
            GET    /manage/v1/articles/{submitted}/comments      -                401       200     200     200       200       200     403
            POST   /manage/v1/articles/{submitted}/comments      comment          401       403     403     201       201       201     403
            POST   /manage/v1/articles/{thread}/replies          reply            401       201     201     201       201       201     403
            POST   /manage/v1/articles/{thread}/resolution       -                401       200     200     403       200       200     403
            # review queue
            GET    /manage/v1/review-queue                       -                401       200     200     200       200       200     403
            POST   /manage/v1/review-queue/approvals             approvals        401       403     403     200       200       403     403
            # catalog: read by the desk, changed by editors
            GET    /manage/v1/categories                         -                401       200     200     200       200       200     403
            POST   /manage/v1/categories                         category         401       403     403     403       403       201     403
            PUT    /manage/v1/categories/{category}              category         401       403     403     403       403       200     403
            DELETE /manage/v1/categories/{category}              -                401       403     403     403       403       204     403
            GET    /manage/v1/tags                               -                401       200     200     200       200       200     403
            POST   /manage/v1/tags                               tag              401       403     403     403       403       201     403
            PUT    /manage/v1/tags/{tag}                         tag              401       403     403     403       403       200     403
            DELETE /manage/v1/tags/{tag}                         -                401       403     403     403       403       204     403
            GET    /manage/v1/authors                            -                401       200     200     200       200       200     403
            GET    /manage/v1/authors/{profile}                  -                401       200     200     200       200       200     403
            POST   /manage/v1/authors                            profile          401       403     403     403       403       201     403
            PUT    /manage/v1/authors/{profile}                  profile          401       403     403     403       403       200     403
            DELETE /manage/v1/authors/{profile}                  -                401       403     403     403       403       204     403
            # search vocabulary: read by the desk, groups added by editors
            GET    /manage/v1/search/vocabulary                  -                401       200     200     200       200       200     403
            POST   /manage/v1/search/vocabulary                  vocabulary       401       403     403     403       403       201     403
            # desk search: every desk role finds every article, as on the article pages
            GET    /manage/v1/search/articles                    -                401       200     200     200       200       200     403
            # media library: read by the desk, uploaded and described by writers and editors
            GET    /manage/v1/media                              -                401       200     200     200       200       200     403
            POST   /manage/v1/media                              image            401       201     201     403       201       201     403
            GET    /manage/v1/media/{media}                      -                401       200     200     200       200       200     403
            PUT    /manage/v1/media/{media}                      media            401       200     200     403       200       200     403
            # imports: writers import; a job is visible to the person who started it only
            POST   /manage/v1/imports                            jsonl            401       202     202     403       202       403     403
            GET    /manage/v1/imports/{import}                   -                401       200     404     404       404       404     403
            # webhooks: editors only (the target is 127.0.0.1:9, refused at once; private targets are allowed in tests)
            GET    /manage/v1/webhooks                           -                401       403     403     403       403       200     403
            POST   /manage/v1/webhooks                           webhook          401       403     403     403       403       201     403
            GET    /manage/v1/webhooks/{webhook}                 -                401       403     403     403       403       200     403
            PUT    /manage/v1/webhooks/{webhook}                 webhook          401       403     403     403       403       200     403
            DELETE /manage/v1/webhooks/{webhook}                 -                401       403     403     403       403       204     403
            POST   /manage/v1/webhooks/{webhook}/rotate-secret   -                401       403     403     403       403       200     403
            POST   /manage/v1/webhooks/{webhook}/test            -                401       403     403     403       403       200     403
            GET    /manage/v1/webhooks/{webhook}/deliveries      -                401       403     403     403       403       200     403
            GET    /manage/v1/webhooks/deliveries/{delivery}     -                401       403     403     403       403       200     403
            POST   /manage/v1/webhooks/deliveries/{delivery}/redeliver -          401       403     403     403       403       202     403
            # API keys of downstream sites: editors only
            GET    /manage/v1/api-keys                           -                401       403     403     403       403       200     403
            POST   /manage/v1/api-keys                           apikey           401       403     403     403       403       201     403
            GET    /manage/v1/api-keys/{apikey}                  -                401       403     403     403       403       200     403
            POST   /manage/v1/api-keys/{apikey}/rotate           -                401       403     403     403       403       200     403
            POST   /manage/v1/api-keys/{apikey}/revoke           -                401       403     403     403       403       200     403
            # preview links: any desk role makes them; the maker or an editor revokes one
            GET    /manage/v1/articles/{draft}/share-links       -                401       200     200     200       200       200     403
            POST   /manage/v1/articles/{draft}/share-links       -                401       201     201     201       201       201     403
            POST   /manage/v1/share-links/{sharelink}/revoke     -                401       200     403     403       403       200     403
            # translations: every desk role reads an article's languages and the outdated queue; writers start one
            GET    /manage/v1/articles/{published}/translations  -                401       200     200     200       200       200     403
            POST   /manage/v1/articles/{published}/translations  translation      401       201     201     403       201       403     403
            GET    /manage/v1/translations                       -                401       200     200     200       200       200     403
            # editorial calendar: editors only
            GET    /manage/v1/calendar                           -                401       403     403     403       403       200     403
            # notifications: each person's own ({notification} is writer1's)
            GET    /manage/v1/notifications                      -                401       200     200     200       200       200     403
            POST   /manage/v1/notifications/read                 -                401       200     200     200       200       200     403
            POST   /manage/v1/notifications/{notification}/read  -                401       200     404     404       404       404     403
            # audit chain
            GET    /manage/v1/audit/verify                       -                401       403     403     200       200       200     403
            """;

    /**
     * The desk's pages (session login). Anonymous visitors are sent to the login (302); a refused
     * action is a 403 page, a successful form post a 303 to the result.
     */
    public static final String DESK_PAGES = """
            request                                              body             anonymous writer1 writer2 reviewer1 reviewer2 editor1 outsider
            # the dashboard tells a signed-in person without a desk role to ask for one, and shows nothing else
            GET    /                                             -                302       200     200     200       200       200     200
            GET    /signed-out                                   -                200       200     200     200       200       200     200
            # articles
            GET    /articles                                     -                302       200     200     200       200       200     403
            GET    /articles/new                                 -                302       200     200     403       200       403     403
            POST   /articles                                     article          302       303     303     403       303       403     403
            POST   /articles/preview                             preview          302       200     200     200       200       200     403
            GET    /articles/{draft}                             -                302       200     200     200       200       200     403
            POST   /articles/{draft}                             article          302       303     303     403       303       403     403
            GET    /articles/{published}/history                 -                302       200     200     200       200       200     403
            POST   /articles/{draft}/actions                     submit           302       303     303     403       303       403     403
            POST   /articles/{submitted}/actions                 withdraw         302       303     403     403       403       403     403
            POST   /articles/{submitted}/actions                 request-changes  302       403     403     303       303       403     403
            POST   /articles/{submitted}/actions                 approve          302       403     403     303       303       403     403
            POST   /articles/{scheduled}/actions                 cancel-schedule  302       403     403     403       403       303     403
            POST   /articles/{published}/actions                 unpublish        302       403     403     403       403       303     403
            POST   /articles/{published}/actions                 recertify        302       403     403     303       303       403     403
            # translations: every desk role sees an article's languages and the queue to update; writers start one
            GET    /articles/{published}/translations            -                302       200     200     200       200       200     403
            POST   /articles/{published}/translations            translation      302       303     303     403       303       403     403
            GET    /translations                                 -                302       200     200     200       200       200     403
            # desk search and its vocabulary: found by every desk role, groups added by editors
            GET    /search                                       -                302       200     200     200       200       200     403
            GET    /search/vocabulary                            -                302       200     200     200       200       200     403
            POST   /search/vocabulary                            vocabulary       302       403     403     403       403       303     403
            # type-ahead for the editor's pickers: a GET that changes nothing, for every desk role
            GET    /pickers/authors                              -                302       200     200     200       200       200     403
            GET    /pickers/tags                                 -                302       200     200     200       200       200     403
            # autosave: a writer's private scratch copy of an article (writers only)
            POST   /scratch/{draft}                              scratch          302       200     200     403       200       403     403
            POST   /scratch/{draft}/discard                      -                302       303     303     403       303       403     403
            # review
            GET    /review                                       -                302       200     200     200       200       200     403
            GET    /review/{submitted}                           -                302       200     200     200       200       200     403
            POST   /review/{submitted}/actions                   approve          302       403     403     303       303       403     403
            POST   /review/{own}/actions                         approve          302       403     403     303       403       403     403
            # assigning a reviewer (the form names reviewer1) and a reviewer's own specialties and declarations
            GET    /articles/{submitted}/reviewer                -                302       200     200     200       200       200     403
            POST   /articles/{submitted}/reviewer                assignee         302       403     403     303       403       303     403
            GET    /reviewing                                    -                302       403     403     200       200       403     403
            POST   /reviewing/expertise                          expertise        302       403     403     303       303       403     403
            POST   /reviewing/declarations                       declaration      302       403     403     303       303       403     403
            POST   /reviewing/declarations/{declaration}/delete  -                302       403     403     303       404       403     403
            # notifications: each person's own list and mail preference
            GET    /notifications                                -                302       200     200     200       200       200     403
            POST   /notifications/preference                     preference       302       303     303     303       303       303     403
            # the local stack's mailbox (on in the tests, as in the local stack; 404 in production)
            GET    /local-mailbox                                -                302       200     200     200       200       200     403
            # review comments (the same roles as the management API)
            POST   /articles/{submitted}/comments                comment          302       403     403     303       303       303     403
            POST   /articles/{thread}/replies                    reply            302       303     303     303       303       303     403
            POST   /articles/{thread}/resolution                 -                302       303     303     403       303       303     403
            # catalog: editors only
            GET    /catalog                                      -                302       403     403     403       403       200     403
            POST   /catalog/categories                           category         302       403     403     403       403       303     403
            GET    /catalog/categories/{category}                -                302       403     403     403       403       200     403
            POST   /catalog/categories/{category}                category         302       403     403     403       403       303     403
            POST   /catalog/tags                                 tag              302       403     403     403       403       303     403
            POST   /catalog/tags/{tag}                           tag              302       403     403     403       403       303     403
            GET    /catalog/profiles/new                         -                302       403     403     403       403       200     403
            POST   /catalog/profiles                             profile          302       403     403     403       403       303     403
            GET    /catalog/profiles/{profile}                   -                302       403     403     403       403       200     403
            POST   /catalog/profiles/{profile}                   profile          302       403     403     403       403       303     403
            POST   /catalog/categories/{category}/delete         -                302       403     403     403       403       303     403
            GET    /catalog/categories/{category}/names          -                302       403     403     403       403       200     403
            POST   /catalog/categories/{category}/names          names            302       403     403     403       403       303     403
            GET    /catalog/tags/{tag}/names                     -                302       403     403     403       403       200     403
            POST   /catalog/tags/{tag}/names                     names            302       403     403     403       403       303     403
            POST   /catalog/tags/{tag}/delete                    -                302       403     403     403       403       303     403
            POST   /catalog/profiles/{profile}/delete            -                302       403     403     403       403       303     403
            # webhooks: editors only
            GET    /webhooks                                     -                302       403     403     403       403       200     403
            POST   /webhooks                                     webhook          302       403     403     403       403       200     403
            GET    /webhooks/{webhook}                           -                302       403     403     403       403       200     403
            POST   /webhooks/{webhook}                           webhook          302       403     403     403       403       303     403
            POST   /webhooks/{webhook}/rotate-secret             -                302       403     403     403       403       200     403
            POST   /webhooks/{webhook}/test                      -                302       403     403     403       403       303     403
            POST   /webhooks/{webhook}/delete                    -                302       403     403     403       403       303     403
            GET    /webhooks/deliveries/{delivery}               -                302       403     403     403       403       200     403
            POST   /webhooks/deliveries/{delivery}/redeliver     -                302       403     403     403       403       303     403
            # API keys: editors only
            GET    /api-keys                                     -                302       403     403     403       403       200     403
            POST   /api-keys                                     apikey           302       403     403     403       403       200     403
            POST   /api-keys/{apikey}/rotate                     apikey           302       403     403     403       403       200     403
            POST   /api-keys/{apikey}/revoke                     apikey           302       403     403     403       403       303     403
            # preview links
            GET    /articles/{draft}/share-links                 -                302       200     200     200       200       200     403
            POST   /articles/{draft}/share-links                 -                302       303     303     303       303       303     403
            POST   /share-links/{sharelink}/revoke               -                302       303     403     403       403       303     403
            # editorial calendar: editors only; a move goes through the workflow's reschedule
            GET    /calendar                                     -                302       403     403     403       403       200     403
            POST   /calendar/jobs/{job}/move                     move             302       403     403     403       403       303     403
            # media library (the same roles as the management API)
            GET    /media                                        -                302       200     200     200       200       200     403
            POST   /media                                        image            302       303     303     403       303       303     403
            GET    /media/{media}                                -                302       200     200     200       200       200     403
            POST   /media/{media}                                media            302       303     303     403       303       303     403
            # imports: a job page is shown to the person who started it only
            GET    /imports                                      -                302       200     200     200       200       200     403
            POST   /imports                                      import           302       303     303     403       303       403     403
            GET    /imports/{import}                             -                302       200     404     404       404       404     403
            """;

    /** The columns of both tables, in order. */
    public static final List<User> USERS = List.of(
            new User("anonymous", null),
            new User("writer1", List.of("writer")),
            new User("writer2", List.of("writer")),
            new User("reviewer1", List.of("medical-reviewer")),
            new User("reviewer2", List.of("medical-reviewer", "writer")),
            new User("editor1", List.of("editor")),
            new User("outsider", List.of()));

    private AccessMatrix() {
    }

    public static List<Row> managementApi() {
        return MatrixTable.parse(MANAGEMENT_API, USERS);
    }

    public static List<Row> deskPages() {
        return MatrixTable.parse(DESK_PAGES, USERS);
    }

    public static User user(String name) {
        return USERS.stream().filter(u -> u.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + name));
    }
}
