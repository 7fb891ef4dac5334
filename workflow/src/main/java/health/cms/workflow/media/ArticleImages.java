package health.cms.workflow.media;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.article.Revision;
import health.cms.core.article.RevisionImage;
import health.cms.core.markdown.MarkdownRenderer;
import health.cms.core.media.MediaAsset;
import health.cms.core.media.MediaAssetRepository;
import health.cms.core.media.MediaDescription;

/**
 * The images an article shows: only assets of our own library, written {@code ![alt](media:<sha256>)}, plus an
 * optional lead image. Resolving copies each asset's alt text, caption and credit into the revision, where the
 * content hash covers them; any other image source is refused on every path that saves a body.
 */
@ApplicationScoped
public class ArticleImages {

    /** How many of a body's refused images a message names, and how much of each address. */
    private static final int IMAGES_NAMED = 3;
    private static final int IMAGE_URL_SHOWN = 200;
    private static final int NAMED_HASH_CHARS = 12;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** What saving found: the images to copy into the revision, or the problem of each field. */
    public record Resolved(List<RevisionImage> images, String leadImage, Map<String, String> errors) {
    }

    private final MarkdownRenderer renderer;
    private final MediaAssetRepository assets;

    ArticleImages(MarkdownRenderer renderer, MediaAssetRepository assets) {
        this.renderer = renderer;
        this.assets = assets;
    }

    /** Resolves the body's images and the lead image ({@code null} or blank for none). */
    public Resolved resolve(String body, String leadImage) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> sources = renderer.images(body);
        List<String> markdown = renderer.markdownImages(body);
        List<String> foreign = sources.stream().filter(src -> hashOf(src).isEmpty()).toList();
        Set<String> wanted = new LinkedHashSet<>();
        if (!foreign.isEmpty()) {
            errors.put("body", "may not show images from other hosts or addresses, only our media library's, written "
                    + "![alt text](media:<sha256>) (its snippet is on the image's library page): " + named(foreign));
        } else if (sources.size() > markdown.size()) {
            errors.put("body", "write library images in Markdown, ![alt text](media:<sha256>), not as HTML <img>");
        } else {
            sources.forEach(src -> wanted.add(hashOf(src).orElseThrow()));
        }
        String lead = leadImage == null || leadImage.isBlank() ? null : leadImage.strip();
        if (lead != null && !SHA256.matcher(lead).matches()) {
            errors.put("leadImage", "must be the SHA-256 of an image in the media library (64 lowercase hex digits)");
            lead = null;
        }
        if (lead != null) {
            wanted.add(lead);
        }
        Map<String, MediaAsset> found = new LinkedHashMap<>();
        for (String sha256 : wanted) {
            assets.findBySha256(sha256).ifPresent(asset -> found.put(sha256, asset));
        }
        List<String> unknownInBody = sources.stream().map(ArticleImages::hashOf).flatMap(Optional::stream).distinct()
                .filter(sha -> !found.containsKey(sha)).map(sha -> RevisionImage.SCHEME + sha).toList();
        if (!unknownInBody.isEmpty()) {
            errors.putIfAbsent("body", "shows images that are not in the media library: " + named(unknownInBody));
        }
        if (lead != null && !found.containsKey(lead)) {
            errors.put("leadImage", "is not in the media library: '" + lead + "'");
        }
        List<RevisionImage> images = new ArrayList<>();
        found.values().forEach(asset -> images.add(copyOf(asset)));
        return new Resolved(List.copyOf(images), errors.containsKey("leadImage") ? null : lead, Map.copyOf(errors));
    }

    /**
     * Why the revision's images keep it from medical review, or empty: an image without alt text, one that shows
     * a patient without a consent record, or one whose description changed in the library since the revision
     * was saved (the reviewer must sign what will be served). Names each image.
     */
    public Optional<String> submitProblem(Revision revision) {
        List<String> problems = new ArrayList<>();
        for (RevisionImage image : revision.images()) {
            Optional<MediaAsset> asset = assets.findBySha256(image.sha256());
            MediaDescription now = asset.map(MediaAsset::description).orElse(MediaDescription.empty());
            String name = "image " + RevisionImage.SCHEME + image.sha256().substring(0, NAMED_HASH_CHARS)
                    + (image.altText() == null ? "" : " (\"" + image.altText() + "\")");
            if (now.altText() == null) {
                problems.add(name + " has no alt text: describe it in the media library");
            } else if (now.showsPatient() && now.consent() == null) {
                problems.add(name + " shows a patient and has no consent record: add one in the media library");
            } else if (asset.isPresent() && !copyOf(asset.get()).equals(image)) {
                problems.add(name + " was described again in the media library after this version was saved: "
                        + "save the article again, so the reviewer signs the description readers will get");
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /** The revision's copy of an asset's description as it is now. */
    public static RevisionImage copyOf(MediaAsset asset) {
        MediaDescription description = asset.description();
        return new RevisionImage(asset.sha256(), description.altText(), description.caption(), description.credit());
    }

    /** The asset hash a {@code media:} source names, if it is one. */
    public static Optional<String> hashOf(String source) {
        if (!source.startsWith(RevisionImage.SCHEME)) {
            return Optional.empty();
        }
        String hash = source.substring(RevisionImage.SCHEME.length());
        return SHA256.matcher(hash).matches() ? Optional.of(hash) : Optional.empty();
    }

    private static String named(List<String> sources) {
        List<String> named = sources.stream().limit(IMAGES_NAMED)
                .map(src -> src.isEmpty()
                        ? "(no address)"
                        : "'" + (src.length() > IMAGE_URL_SHOWN ? src.substring(0, IMAGE_URL_SHOWN) + "..." : src) + "'")
                .toList();
        return String.join(", ", named)
                + (sources.size() > IMAGES_NAMED ? " and " + (sources.size() - IMAGES_NAMED) + " more" : "");
    }
}
