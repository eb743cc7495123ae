package io.lede.article;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.lede.image.ImageView;
import io.lede.quote.QuoteView;
import io.lede.text.MultilineText;

/**
 * One block of an article body, told apart by {@code type}. The same records are stored in the
 * article's JSON column, so a block reads back exactly as it was written.
 */
// The records carry "type" themselves (for the OpenAPI schema); Jackson reads and writes it as the type id.
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = BodyBlock.Paragraph.class, name = "paragraph"),
        @JsonSubTypes.Type(value = BodyBlock.Heading.class, name = "heading"),
        @JsonSubTypes.Type(value = BodyBlock.Image.class, name = "image"),
        @JsonSubTypes.Type(value = BodyBlock.Quote.class, name = "quote"),
        @JsonSubTypes.Type(value = BodyBlock.Embed.class, name = "embed") })
@Schema(name = "BodyBlock", type = SchemaType.OBJECT,
        oneOf = { BodyBlock.Paragraph.class, BodyBlock.Heading.class, BodyBlock.Image.class, BodyBlock.Quote.class,
                BodyBlock.Embed.class },
        discriminatorProperty = "type",
        discriminatorMapping = {
                @DiscriminatorMapping(value = "paragraph", schema = BodyBlock.Paragraph.class),
                @DiscriminatorMapping(value = "heading", schema = BodyBlock.Heading.class),
                @DiscriminatorMapping(value = "image", schema = BodyBlock.Image.class),
                @DiscriminatorMapping(value = "quote", schema = BodyBlock.Quote.class),
                @DiscriminatorMapping(value = "embed", schema = BodyBlock.Embed.class) })
public sealed interface BodyBlock {

    /** Inline links are written {@code [text](url)}; readers of {@code bodyText} get only the text. */
    Pattern INLINE_LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)\\s]*)\\)");

    /** Whether every link a client could find in the text points to the web or an e-mail address (see {@link LinkDestinations}). */
    static boolean linksAreSafe(String text) {
        return LinkDestinations.allAllowed(text);
    }

    /** The block's contribution to {@code bodyText}; null for blocks that carry no text of their own. */
    String plainText();

    /** The quotes a body uses, in body order (a quote used twice is listed twice). */
    static List<UUID> quoteIds(List<BodyBlock> body) {
        return body.stream().filter(Quote.class::isInstance).map(block -> ((Quote) block).quoteId()).toList();
    }

    /** The images a body uses, in body order. */
    static List<UUID> imageIds(List<BodyBlock> body) {
        return body.stream().filter(Image.class::isInstance).map(block -> ((Image) block).imageId()).toList();
    }

    /** The block as stored: without anything a response inlined into it. */
    default BodyBlock stored() {
        return this;
    }

    @Schema(name = "ParagraphBlock", description = "Plain text with optional inline links [text](url)")
    record Paragraph(
            @Schema(enumeration = "paragraph", required = true) String type,
            @NotBlank @Size(max = 20_000) @SafeLinks @MultilineText String text) implements BodyBlock {
        public Paragraph(String text) {
            this("paragraph", text);
        }

        @Override
        public String plainText() {
            return INLINE_LINK.matcher(text).replaceAll("$1");
        }
    }

    @Schema(name = "HeadingBlock")
    record Heading(
            @Schema(enumeration = "heading", required = true) String type,
            @NotBlank @Size(max = 300) @MultilineText String text) implements BodyBlock {
        public Heading(String text) {
            this("heading", text);
        }

        @Override
        public String plainText() {
            return text;
        }
    }

    @Schema(name = "ImageBlock")
    record Image(
            @Schema(enumeration = "image", required = true) String type,
            @NotNull UUID imageId,
            @Schema(readOnly = true, description = "The image with its renditions; only with include=images")
            @JsonInclude(JsonInclude.Include.NON_NULL) ImageView image) implements BodyBlock {
        public Image(UUID imageId) {
            this("image", imageId, null);
        }

        public Image with(ImageView inlined) {
            return new Image(type, imageId, inlined);
        }

        @Override
        public BodyBlock stored() {
            return image == null ? this : new Image(type, imageId, null);
        }

        @Override
        public String plainText() {
            return null;
        }
    }

    @Schema(name = "QuoteBlock")
    record Quote(
            @Schema(enumeration = "quote", required = true) String type,
            @NotNull UUID quoteId,
            @Schema(readOnly = true, description = "The quote with its speaker; only with include=quotes")
            @JsonInclude(JsonInclude.Include.NON_NULL) QuoteView quote) implements BodyBlock {
        public Quote(UUID quoteId) {
            this("quote", quoteId, null);
        }

        public Quote with(QuoteView inlined) {
            return new Quote(type, quoteId, inlined);
        }

        @Override
        public BodyBlock stored() {
            return quote == null ? this : new Quote(type, quoteId, null);
        }

        /** Quote texts stay out of bodyText: a quote edited later would leave it stale. */
        @Override
        public String plainText() {
            return null;
        }
    }

    @Schema(name = "EmbedBlock")
    record Embed(
            @Schema(enumeration = "embed", required = true) String type,
            @NotBlank @Size(max = 2000) @jakarta.validation.constraints.Pattern(regexp = "^https?://\\S+$",
                    message = "must be an absolute http or https URL") String url) implements BodyBlock {
        public Embed(String url) {
            this("embed", url);
        }

        @Override
        public String plainText() {
            return null;
        }
    }
}
