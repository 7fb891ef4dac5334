package health.cms.admin.media;

import java.time.Instant;
import java.util.List;

import health.cms.core.article.RevisionImage;
import health.cms.core.media.MediaAsset;
import health.cms.core.media.MediaDescription;

/**
 * An asset as the management API and the desk show it: its bytes' facts, its description, how many
 * renditions are ready, and the public URLs of the original and of each rendition.
 */
public record MediaView(long id, String sha256, String format, int width, int height, long bytes, String altText,
        String caption, String credit, String license, String source, FocalPoint focalPoint, List<String> tags,
        boolean showsPatient, MediaDescription.Consent consent, String createdBy, Instant createdAt, long version,
        Renditions renditions, String url, List<RenditionUrl> renditionUrls) {

    /** Where a crop should keep its centre: 0..1 from the left and from the top. */
    public record FocalPoint(double x, double y) {
    }

    /** Progress of the background work: {@code ready} of {@code total} renditions are stored. */
    public record Renditions(int ready, int total) {
    }

    /** One rendition: its width and URL (served once ready). */
    public record RenditionUrl(int width, String url) {
    }

    static MediaView of(MediaAsset asset, String publicBase, List<Integer> widths) {
        MediaDescription d = asset.description();
        String base = publicBase + "/media/" + asset.sha256() + "/";
        String ext = asset.format().extension();
        return new MediaView(asset.id(), asset.sha256(), asset.format().extension(), asset.width(), asset.height(),
                asset.bytes(), d.altText(), d.caption(), d.credit(), d.license(), d.source(),
                new FocalPoint(d.focalX(), d.focalY()), d.tags(), d.showsPatient(), d.consent(), asset.createdBy(),
                asset.createdAt(), asset.version(), new Renditions(asset.renditionsReady(), asset.renditionsTotal()),
                base + "original." + ext, widths.stream().map(w -> new RenditionUrl(w, base + w + "." + ext)).toList());
    }

    /** The consent record's parts for the desk's form, empty when there is none. */
    public String consentBy() {
        return consent == null ? "" : consent.givenBy();
    }

    /** The consent date as {@code 2026-05-01} (UTC). */
    public String consentDate() {
        return consent == null || consent.givenAt() == null ? "" : consent.givenAt().toString().substring(0, 10);
    }

    public String consentReference() {
        return consent == null ? "" : consent.reference();
    }

    /** What a writer copies into a body to show this image: {@code ![alt text](media:<sha256>)}. */
    public String markdown() {
        String alt = altText == null ? "alt text" : altText.replaceAll("[\\[\\]\\s]+", " ").strip();
        return "![" + alt + "](" + RevisionImage.SCHEME + sha256 + ")";
    }

    /** The tags as typed in the desk's field. */
    public String tagsText() {
        return String.join(", ", tags);
    }

    /** The smallest rendition's URL, or the original's when the image is smaller than every width. */
    public String thumbnailUrl() {
        return renditions.ready() == renditions.total() && !renditionUrls.isEmpty() ? renditionUrls.get(0).url() : url;
    }
}
