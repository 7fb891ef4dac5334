package health.cms.delivery.graphql;

import org.eclipse.microprofile.graphql.Description;

/** A working revision as it would be served once published, with where it stands in the workflow. */
@Description("A working revision as it would be served once published (preview key or share link only; never cached)")
public record PreviewArticle(Article article, boolean preview, String state, int workingRevision, boolean signed) {
}
