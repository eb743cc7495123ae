package io.lede.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body: the one shape every failure takes.
 * {@code errors} is present only for validation failures, one entry per offending field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "URI identifying the kind of problem", examples = "urn:lede:problem:validation")
        String type,
        @Schema(description = "Short summary of the kind of problem", examples = "Request is invalid")
        String title,
        @Schema(description = "HTTP status code", examples = "400")
        int status,
        @Schema(description = "What went wrong with this request", examples = "headline: must not be blank")
        String detail,
        @Schema(description = "Per-field validation errors")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A 400 listing each invalid field. */
    public static Problem validation(List<FieldError> errors) {
        ProblemType type = ProblemType.VALIDATION;
        String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("the request is invalid");
        return new Problem(type.uri(), type.title(), type.status(), detail, errors);
    }

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(examples = "body[2].imageId") String field,
            @Schema(examples = "must not be null") String message) {
    }
}
