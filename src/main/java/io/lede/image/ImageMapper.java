package io.lede.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.http.HttpConfig;
import io.lede.text.Texts;

/** Between the stored {@link Image} and the records of the API. */
@ApplicationScoped
public class ImageMapper {

    private final HttpConfig http;
    private final ImageConfig config;
    private final RenditionSteps steps;

    public ImageMapper(HttpConfig http, ImageConfig config, RenditionSteps steps) {
        this.http = http;
        this.config = config;
        this.steps = steps;
    }

    public ImageView toView(Image image) {
        String content = http.publicUrl().map(url -> url.replaceAll("/+$", "")).orElse("")
                + "/v1/images/" + image.id + "/content";
        Map<String, String> renditions = new LinkedHashMap<>();
        config.renditions().entrySet().stream()
                .sorted(Map.Entry.<String, Integer> comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                // The URL a request for the preset's width is served at, so that presets and requests share files.
                .forEach(preset -> renditions.put(preset.getKey(), content + "?w=" + steps.step(preset.getValue())));
        Placeholder placeholder = image.thumbhash == null ? null : new Placeholder(image.thumbhash, image.dominantColor);
        return new ImageView(image.id.toString(), image.caption, image.credit, image.altText, image.creator, image.copyrightNotice,
                image.width, image.height, image.mimeType, image.bytes, focalPoint(image), placeholder, image.createdAt,
                image.updatedAt, image.version, content, renditions, srcset(image, content));
    }

    /**
     * One source per width step up to the picture's own width (renditions never enlarge), smallest
     * first, with the height and type the rendition will have: what an img srcset needs.
     */
    private List<ImageView.Source> srcset(Image image, String content) {
        String type = image.format().renditionDefault().mimeType();
        List<ImageView.Source> sources = new ArrayList<>();
        for (int width : steps.steps()) {
            // The first step at or above the picture's width is served at the picture's own width.
            int shown = Math.min(width, image.width);
            int height = (int) Math.max(1, Math.round(image.height * (double) shown / image.width));
            sources.add(new ImageView.Source(content + "?w=" + width, shown, height, type));
            if (width >= image.width) {
                break;
            }
        }
        return sources;
    }

    public ImageMetadata toMetadata(Image image) {
        return new ImageMetadata(image.caption, image.credit, image.altText, image.creator, image.copyrightNotice, focalPoint(image));
    }

    public void copy(ImageMetadata metadata, Image image) {
        image.caption = Texts.blankToNull(metadata.caption());
        image.credit = Texts.blankToNull(metadata.credit());
        image.altText = Texts.blankToNull(metadata.altText());
        image.creator = Texts.blankToNull(metadata.creator());
        image.copyrightNotice = Texts.blankToNull(metadata.copyrightNotice());
        image.focalX = metadata.focalPoint() == null ? null : metadata.focalPoint().x();
        image.focalY = metadata.focalPoint() == null ? null : metadata.focalPoint().y();
    }

    static FocalPoint focalPoint(Image image) {
        return image.focalX == null || image.focalY == null ? null : new FocalPoint(image.focalX, image.focalY);
    }

}
