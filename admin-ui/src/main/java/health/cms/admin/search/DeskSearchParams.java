package health.cms.admin.search;

import jakarta.ws.rs.QueryParam;

/** The query string of a desk search, the same for the desk page and the management API; checked by {@link DeskSearch}. */
public class DeskSearchParams {

    @QueryParam("q")
    String q;
    @QueryParam("status")
    String status;
    @QueryParam("category")
    String category;
    @QueryParam("tag")
    String tag;
    @QueryParam("author")
    String author;
    @QueryParam("assignee")
    String assignee;
    @QueryParam("review")
    String review;
    @QueryParam("changedSince")
    String changedSince;
    @QueryParam("limit")
    String limit;
    @QueryParam("cursor")
    String cursor;

    DeskSearch.Request request() {
        return new DeskSearch.Request(q, status, category, tag, author, assignee, review, changedSince, limit, cursor);
    }
}
