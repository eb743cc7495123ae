package io.lede.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.error.ProblemException;

/**
 * The {@code live} field of an article: set, the article is a live blog with entries
 * ({@code /v1/articles/{id}/entries}) and a stream ({@code /v1/articles/{id}/live}). The same
 * record is what editors send and what readers get.
 */
@Schema(name = "LiveCoverage", description = "Set on live blogs, null on ordinary articles. The server fills startedAt "
        + "when the status becomes live and endedAt when it becomes ended, unless the request gives them.")
public record LiveCoverage(
        @Schema(required = true, enumeration = { "live", "ended" }) @NotNull LiveStatus status,
        @Schema(description = "When coverage began") Instant startedAt,
        @Schema(nullable = true, description = "When coverage ended; null while live") Instant endedAt) {

    /**
     * What an article's live field becomes when {@code requested} is written over {@code current}:
     * times the request leaves out are kept, or filled with {@code now} when the status changes.
     * A live blog has no end; an ended one cannot end before it started.
     */
    static LiveCoverage merge(LiveCoverage current, LiveCoverage requested, Instant now) {
        if (requested == null) {
            return null;
        }
        LiveStatus before = current == null ? null : current.status();
        boolean changed = before != requested.status();
        Instant started = first(requested.startedAt(), current == null ? null : current.startedAt(), now);
        Instant ended = null;
        if (requested.status() == LiveStatus.ENDED) {
            ended = first(requested.endedAt(), changed || current.endedAt() == null ? now : current.endedAt(), now);
            if (ended.isBefore(started)) {
                throw ProblemException.invalid("live.endedAt", "is before live.startedAt");
            }
        }
        return new LiveCoverage(requested.status(), started, ended);
    }

    private static Instant first(Instant given, Instant kept, Instant now) {
        Instant chosen = given != null ? given : kept != null ? kept : now;
        // Stored times keep milliseconds, so what a write returns is what a later read returns.
        return chosen.truncatedTo(ChronoUnit.MILLIS);
    }
}
