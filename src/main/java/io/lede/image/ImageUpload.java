package io.lede.image;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import jakarta.ws.rs.core.MediaType;

/** The parts of an upload: the file and its metadata as form fields. */
public class ImageUpload {

    @RestForm("file")
    @Schema(type = SchemaType.STRING, format = "binary", required = true, description = "JPEG, PNG, WebP or GIF, recognised by its bytes")
    public FileUpload file;

    @RestForm
    @PartType(MediaType.TEXT_PLAIN)
    @Schema(maxLength = 2000)
    public String caption;

    @RestForm
    @PartType(MediaType.TEXT_PLAIN)
    @Schema(maxLength = 300, description = "Who to credit, as printed", examples = "Emergency Service/AFP")
    public String credit;

    @RestForm
    @PartType(MediaType.TEXT_PLAIN)
    @Schema(maxLength = 1000, description = "Text for screen readers")
    public String altText;

    @RestForm
    @PartType(MediaType.TEXT_PLAIN)
    @Schema(maxLength = 300, description = "Who made the picture; read from the file's IPTC/XMP when not given")
    public String creator;

    @RestForm
    @PartType(MediaType.TEXT_PLAIN)
    @Schema(maxLength = 1000, description = "The copyright notice; read from the file's IPTC/XMP when not given")
    public String copyrightNotice;

    @RestForm
    @PartType(MediaType.TEXT_PLAIN)
    @Schema(description = "x,y as fractions of width and height, e.g. 0.5,0.3", examples = "0.5,0.3",
            maxLength = ImageParams.FOCAL_POINT_MAX_LENGTH)
    public String focalPoint;
}
