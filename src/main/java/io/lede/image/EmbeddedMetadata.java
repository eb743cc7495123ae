package io.lede.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.properties.XMPProperty;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;

import io.lede.text.TextRule;
import io.lede.text.Texts;
import io.quarkus.logging.Log;

/**
 * The caption, credit line, creator and copyright notice an agency embeds in a photo, as IPTC IIM
 * (the Photoshop APP13 block) and XMP, read with metadata-extractor. Where both carry a field, XMP
 * wins: it is the newer standard and tools keep it in Unicode. Values are cleaned to what a form
 * field may hold (control characters dropped, length capped), since a file's metadata is input too.
 */
record EmbeddedMetadata(String caption, String credit, String creator, String copyrightNotice) {

    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/";
    private static final EmbeddedMetadata NONE = new EmbeddedMetadata(null, null, null, null);

    /** What the file carries; nothing when it has no metadata or its metadata cannot be read. */
    static EmbeddedMetadata read(Path file) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(file.toFile());
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            Log.debugf("No readable metadata in an upload: %s", e.getMessage());
            return NONE;
        }
        Fields xmp = new Fields();
        for (XmpDirectory directory : metadata.getDirectoriesOfType(XmpDirectory.class)) {
            XMPMeta meta = directory.getXMPMeta();
            if (meta != null) {
                xmp.fill(localized(meta, DC, "description"), property(meta, PHOTOSHOP, "Credit"),
                        first(meta, DC, "creator"), localized(meta, DC, "rights"), property(meta, PHOTOSHOP, "Source"));
            }
        }
        Fields iim = new Fields();
        for (IptcDirectory directory : metadata.getDirectoriesOfType(IptcDirectory.class)) {
            String[] byLines = directory.getStringArray(IptcDirectory.TAG_BY_LINE);
            iim.fill(directory.getString(IptcDirectory.TAG_CAPTION), directory.getString(IptcDirectory.TAG_CREDIT),
                    byLines == null ? null : String.join(", ", byLines), directory.getString(IptcDirectory.TAG_COPYRIGHT_NOTICE),
                    directory.getString(IptcDirectory.TAG_SOURCE));
        }
        return new EmbeddedMetadata(clean(or(xmp.caption, iim.caption), 2000, true),
                // The credit line; where a file names only its source (the agency), that is what to credit.
                clean(or(or(xmp.credit, iim.credit), or(xmp.source, iim.source)), 300, false),
                clean(or(xmp.creator, iim.creator), 300, false),
                clean(or(xmp.rights, iim.rights), 1000, true));
    }

    /** The request's fields, with what the file carries wherever the request left one empty. */
    ImageMetadata under(ImageMetadata request) {
        return new ImageMetadata(or(request.caption(), caption), or(request.credit(), credit), request.altText(),
                or(request.creator(), creator), or(request.copyrightNotice(), copyrightNotice), request.focalPoint());
    }

    /** The first non-empty value seen for each field. */
    private static final class Fields {
        String caption;
        String credit;
        String creator;
        String rights;
        String source;

        void fill(String caption, String credit, String creator, String rights, String source) {
            this.caption = or(this.caption, caption);
            this.credit = or(this.credit, credit);
            this.creator = or(this.creator, creator);
            this.rights = or(this.rights, rights);
            this.source = or(this.source, source);
        }
    }

    private static String or(String first, String second) {
        return Texts.blankToNull(first) != null ? first : Texts.blankToNull(second);
    }

    private static String localized(XMPMeta meta, String namespace, String name) {
        return xmp(() -> {
            XMPProperty text = meta.getLocalizedText(namespace, name, null, "x-default");
            return text == null ? null : text.getValue();
        });
    }

    private static String property(XMPMeta meta, String namespace, String name) {
        return xmp(() -> meta.getPropertyString(namespace, name));
    }

    /** The items of an ordered array (dc:creator), joined. */
    private static String first(XMPMeta meta, String namespace, String name) {
        return xmp(() -> {
            int count = meta.countArrayItems(namespace, name);
            List<String> items = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                XMPProperty item = meta.getArrayItem(namespace, name, i);
                if (item != null && Texts.blankToNull(item.getValue()) != null) {
                    items.add(item.getValue());
                }
            }
            return items.isEmpty() ? null : String.join(", ", items);
        });
    }

    private interface XmpRead {
        String get() throws XMPException;
    }

    private static String xmp(XmpRead read) {
        try {
            return read.get();
        } catch (XMPException | RuntimeException e) {
            return null;
        }
    }

    /**
     * What may be stored: characters the text rule refuses are dropped (line breaks kept only in
     * multi-line fields), surrounding space trimmed, and the length capped to the field's limit.
     */
    static String clean(String value, int max, boolean multiline) {
        if (value == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(value.length());
        value.codePoints().forEach(point -> {
            String one = new String(Character.toChars(point));
            String candidate = point == '\r' || point == '\n' || point == '\t' ? (multiline ? one : " ") : one;
            if (TextRule.violation(candidate, multiline) == null) {
                kept.append(candidate);
            }
        });
        String cleaned = kept.toString().strip();
        if (cleaned.codePointCount(0, cleaned.length()) > max) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, max)).strip();
        }
        return cleaned.isEmpty() ? null : cleaned;
    }
}
