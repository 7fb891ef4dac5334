package health.cms.workflow.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.article.Revision;
import health.cms.core.article.RevisionImage;
import health.cms.core.markdown.Picture;
import health.cms.core.media.ImageFormat;
import health.cms.core.media.ImagePipeline;
import health.cms.core.media.MediaAsset;
import health.cms.core.media.MediaAssetRepository;
import health.cms.core.media.MediaConfig;
import health.cms.core.publication.PublicArticle;

/**
 * The images of a live article as the delivery API serves them: each revision image's signed description with
 * the asset's size, license and public URLs ({@code cms.media.public-url}, immutable by hash), and the same in
 * the forms the body's HTML and the JSON-LD need.
 */
@ApplicationScoped
public class ArticlePictures {

    private final MediaAssetRepository assets;
    private final ImagePipeline pipeline;
    private final String publicBase;

    ArticlePictures(MediaAssetRepository assets, ImagePipeline pipeline, MediaConfig config) {
        this.assets = assets;
        this.pipeline = pipeline;
        this.publicBase = config.publicUrl().replaceAll("/+$", "");
    }

    /** The revision's images in its order; one whose asset is gone is left out (it could not be served). */
    public List<PublicArticle.ImageView> of(Revision revision) {
        List<PublicArticle.ImageView> views = new ArrayList<>();
        for (RevisionImage image : revision.images()) {
            assets.findBySha256(image.sha256()).ifPresent(asset -> views.add(view(image, asset)));
        }
        return views;
    }

    private PublicArticle.ImageView view(RevisionImage image, MediaAsset asset) {
        return view(publicBase, pipeline, image, asset.description().license(), asset.width(), asset.height(),
                asset.format());
    }

    /**
     * One image as served: the signed description of {@code image}, the asset's license and size, and the URLs
     * under {@code publicBase} of its original and of the renditions {@code pipeline} makes of it.
     */
    public static PublicArticle.ImageView view(String publicBase, ImagePipeline pipeline, RevisionImage image,
            String license, int width, int height, ImageFormat format) {
        String base = publicBase.replaceAll("/+$", "") + "/media/" + image.sha256() + "/";
        String extension = format.extension();
        return new PublicArticle.ImageView(image.sha256(), image.altText(), image.caption(), image.credit(), license,
                width, height, base + "original." + extension, pipeline.renditionWidths(width).stream()
                        .map(w -> new PublicArticle.Rendition(w, base + w + "." + extension)).toList());
    }

    /** The pictures a body may show, by hash. */
    static Map<String, Picture> pictures(List<PublicArticle.ImageView> images) {
        Map<String, Picture> pictures = new LinkedHashMap<>();
        for (PublicArticle.ImageView image : images) {
            pictures.put(image.sha256(), new Picture(image.altText(), image.caption(), image.credit(), image.width(),
                    image.height(), image.url(), image.srcset()));
        }
        return pictures;
    }

    /** The lead image among the images, or null. */
    static PublicArticle.ImageView lead(List<PublicArticle.ImageView> images, String leadImage) {
        return images.stream().filter(image -> image.sha256().equals(leadImage)).findFirst().orElse(null);
    }

    /**
     * Adds the images to the schema.org page as {@code ImageObject}s, the lead image first, after the social image
     * URL when there is one. A page without images is left as it was.
     */
    static void jsonLd(Map<String, Object> page, List<PublicArticle.ImageView> images, String leadImage) {
        if (images.isEmpty()) {
            return;
        }
        List<Object> all = new ArrayList<>();
        if (page.get("image") != null) {
            all.add(page.get("image"));
        }
        PublicArticle.ImageView lead = lead(images, leadImage);
        if (lead != null) {
            all.add(imageObject(lead));
        }
        images.stream().filter(image -> image != lead).forEach(image -> all.add(imageObject(image)));
        page.put("image", all);
    }

    private static Map<String, Object> imageObject(PublicArticle.ImageView image) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("@type", "ImageObject");
        object.put("contentUrl", image.url());
        object.put("width", image.width());
        object.put("height", image.height());
        putIfSet(object, "description", image.altText());
        putIfSet(object, "caption", image.caption());
        putIfSet(object, "creditText", image.credit());
        putIfSet(object, "license", image.license());
        return object;
    }

    private static void putIfSet(Map<String, Object> object, String name, String value) {
        if (value != null) {
            object.put(name, value);
        }
    }
}
