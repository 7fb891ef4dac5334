package health.cms.delivery.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;

/** A page of articles and the cursor of the next page (null on the last), as the REST list pages. */
@Description("A page of live articles, newest first; pass nextCursor back as cursor for the next page (null on the last)")
public record ArticlePage(List<ArticleSummary> items, String nextCursor) {
}
