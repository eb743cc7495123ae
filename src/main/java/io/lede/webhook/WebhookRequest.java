package io.lede.webhook;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An endpoint as registered (POST) or patched (PATCH, as a merge patch over its current form). */
@Schema(name = "WebhookRequest")
public record WebhookRequest(
        @Schema(required = true, description = "Where to POST deliveries: http or https; no loopback, link-local or private address",
                examples = "https://partner.example/hooks/lede")
        @NotBlank @Size(max = 2000) String url,
        @Schema(required = true, description = "Event types to receive: article.published, article.updated, article.corrected, article.unpublished, "
                + "article.deleted, entry.created, entry.updated, entry.deleted, image.updated, image.deleted, quote.updated, "
                + "quote.deleted")
        @NotEmpty @Size(max = 20) List<@NotNull @Size(max = 40) String> events,
        @Schema(description = "For the admins: whose endpoint this is") @Size(max = 500) String description,
        @Schema(description = "true stops deliveries (and new messages) to it; false resumes them", defaultValue = "false")
        Boolean disabled) {
}
