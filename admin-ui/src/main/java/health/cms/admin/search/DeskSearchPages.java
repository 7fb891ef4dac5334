package health.cms.admin.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.DeskUser;
import health.cms.admin.web.Failures;
import health.cms.admin.web.Forms;
import health.cms.core.article.ArticleStatus;
import health.cms.core.refusal.Refusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The desk's search page: a search box, filters, facet counts that narrow the results, and the hits. */
@Path("/search")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.TEXT_HTML)
public class DeskSearchPages {

    /** The facets shown beside the results, by their parameter, with their headings. */
    private static final Map<String, String> FACETS = facetHeadings();

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance search(View view);

        static native TemplateInstance vocabulary(List<SearchVocabulary.Group> groups, int standardGroups, String terms,
                String message, Map<String, String> errors, boolean added);
    }

    private final DeskSearch search;
    private final SearchVocabulary vocabulary;
    private final DeskUser user;

    DeskSearchPages(DeskSearch search, SearchVocabulary vocabulary, DeskUser user) {
        this.search = search;
        this.vocabulary = vocabulary;
        this.user = user;
    }

    /** A facet with its heading and its values, each with its count and the link that applies (or drops) it. */
    public record FacetView(String heading, String param, List<Choice> choices) {
    }

    /** One facet value: its name, count, whether it is the filter in force, and the link that toggles it. */
    public record Choice(String name, long count, boolean chosen, String href) {
    }

    /** What the page shows: the request as given (to refill the form), the results, or the message of a refusal. */
    public record View(Map<String, String> params, DeskSearch.Results results, List<FacetView> facets, String message,
            Map<String, String> errors) {

        public String param(String name) {
            return params.getOrDefault(name, "");
        }

        public List<String> statuses() {
            return Arrays.stream(ArticleStatus.values()).map(ArticleStatus::value).toList();
        }

        /** The link to the next page: the same request with the next cursor. */
        public String nextHref() {
            return href(params, "cursor", results.next());
        }

        public String didYouMeanHref() {
            return href(Map.of(), "q", results.didYouMean());
        }

        public boolean searched() {
            return params.values().stream().anyMatch(v -> !v.isBlank());
        }
    }

    @GET
    public Response page(@BeanParam DeskSearchParams params) {
        Map<String, String> given = given(params.request());
        try {
            DeskSearch.Results results = search.search(params.request());
            return Response.ok(Templates.search(new View(given, results, facets(given, results), null, Map.of())))
                    .build();
        } catch (Refusal e) {
            return Failures.refusedForm(e, Templates.search(new View(given, null, List.of(), Failures.formMessage(e),
                    e.fieldErrors())));
        }
    }

    /** The editors' groups of the search vocabulary, and (for editors) the form that adds one. */
    @GET
    @Path("/vocabulary")
    public TemplateInstance vocabulary(@QueryParam("done") String done) {
        return Templates.vocabulary(vocabulary.groups(), vocabulary.standardGroups().size(), "", null, Map.of(),
                "added".equals(done));
    }

    @POST
    @Path("/vocabulary")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object addGroup(@RestForm String terms) {
        try {
            vocabulary.add(user.actor(), terms);
            return Forms.seeOther("/search/vocabulary?done=added");
        } catch (Refusal e) {
            Forms.rethrowUnlessAboutTheForm(e);
            return Failures.refusedForm(e, Templates.vocabulary(vocabulary.groups(), vocabulary.standardGroups().size(),
                    terms, Failures.formMessage(e), e.fieldErrors(), false));
        }
    }

    private static List<FacetView> facets(Map<String, String> given, DeskSearch.Results results) {
        return FACETS.entrySet().stream().filter(f -> results.facets().containsKey(f.getKey())).map(f -> {
            String param = f.getKey();
            List<Choice> choices = results.facets().get(param).stream().map(count -> {
                boolean chosen = count.value().equals(given.get(param));
                return new Choice(count.name(), count.count(), chosen, href(given, param, chosen ? null : count.value()));
            }).toList();
            return new FacetView(f.getValue(), param, choices);
        }).filter(f -> !f.choices().isEmpty()).toList();
    }

    /** The search page with {@code param} set to {@code value} (or dropped when null), from the first page. */
    static String href(Map<String, String> params, String param, String value) {
        Map<String, String> next = new LinkedHashMap<>(params);
        next.remove("cursor");
        if (value == null) {
            next.remove(param);
        } else {
            next.put(param, value);
        }
        return "/search?" + next.entrySet().stream().filter(e -> !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> given(DeskSearch.Request request) {
        Map<String, String> given = new LinkedHashMap<>();
        put(given, "q", request.q());
        put(given, "status", request.status());
        put(given, "category", request.category());
        put(given, "tag", request.tag());
        put(given, "author", request.author());
        put(given, "assignee", request.assignee());
        put(given, "review", request.review());
        put(given, "changedSince", request.changedSince());
        put(given, "cursor", request.cursor());
        return given;
    }

    private static void put(Map<String, String> given, String name, String value) {
        if (value != null && !value.isBlank()) {
            given.put(name, value.length() > 400 ? value.substring(0, 400) : value);
        }
    }

    private static Map<String, String> facetHeadings() {
        Map<String, String> headings = new LinkedHashMap<>();
        headings.put("status", "Status");
        headings.put("category", "Category");
        headings.put("author", "Author");
        headings.put("assignee", "Assigned reviewer");
        headings.put("tag", "Tag");
        return headings;
    }
}
