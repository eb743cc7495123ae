package io.lede.live.stream;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What both stream endpoints share: the client's Last-Event-ID, the reset event's data. */
public final class StreamEvents {

    private StreamEvents() {
    }

    /** The data of a {@code reset} event: the client missed events that are no longer kept. */
    @Schema(name = "StreamReset")
    public record Reset(@Schema(required = true) String reason) {
    }

    /** The reset event: the client's Last-Event-ID is no longer replayable; it reloads, then listens on from {@code latest}. */
    static OutboundSseEvent reset(Sse sse, long latest) {
        return sse.newEventBuilder().id(Long.toString(latest)).name("reset")
                .data(String.class, "{\"reason\":\"The events after your Last-Event-ID are no longer kept: reload, then listen on\"}")
                .build();
    }

    /** The header EventSource sends when it reconnects, or the query parameter polyfills send instead. */
    public static String lastEventId(String header, String parameter) {
        return header != null && !header.isBlank() ? header : parameter;
    }
}
