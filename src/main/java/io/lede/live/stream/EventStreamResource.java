package io.lede.live.stream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import io.lede.security.TokenKeys;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/** The site-wide stream of public content changes, for apps and partners' caches. */
@Path("/v1/events")
@Tag(name = "Events", description = "Server-Sent Events of public content changes, by surrogate key")
public class EventStreamResource {

    /** One event as the document's schema describes it; on the wire: {@code id:1207}, {@code event:changed}, {@code data:{...}}. */
    static final String EXAMPLE = """
            {
              "id": "1207",
              "event": "changed",
              "data": {
                "keys": ["all-sections", "article-0b9f8a52-7c1e-4d2b-9a41-3f6f2f1c9e10", "search", "section-world"],
                "at": "2026-11-24T14:05:00.120Z"
              }
            }
            """;

    private final LiveEvents events;
    private final LiveHub hub;
    private final SecurityIdentity caller;

    public EventStreamResource(LiveEvents events, LiveHub hub, SecurityIdentity caller) {
        this.caller = caller;
        this.events = events;
        this.hub = hub;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @ResponseHeader(name = "X-Accel-Buffering", value = "no")
    @Operation(summary = "Stream public content changes (Server-Sent Events)", description = "Event changed, data "
            + "{\"keys\", \"at\"}: the keys are exactly the tokens the Surrogate-Key header of the affected responses carries "
            + "(article-<id>, entries-<id>, section-<name>, quote-<id>, image-<id>, search, all-sections, ...), so a client "
            + "or a cache refetches exactly what changed; \"all\" means anything may have changed. Only changes to content "
            + "the public can read are sent. Last-Event-ID replay, reset and heartbeats as on a live blog's stream.")
    @APIResponse(responseCode = "200", description = "The stream: one SSE event per committed public change, as id:, event: "
            + "and data: lines (data: one line of JSON), comment lines (:heartbeat) in between",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = ChangeStreamEvent.class),
                    examples = @ExampleObject(name = "changed", value = EXAMPLE)))
    public Multi<OutboundSseEvent> stream(
            @RestHeader("Last-Event-ID") @Parameter(description = "Id of the last event received; sent by EventSource when it reconnects") String lastEventId,
            @RestQuery("lastEventId") @Parameter(description = "The same as Last-Event-ID, for clients that cannot set headers") String lastEventIdParam,
            @Context Sse sse) {
        return hub.subscribe(Streams.SITE, events.start(Streams.SITE, StreamEvents.lastEventId(lastEventId, lastEventIdParam)),
                new LiveHub.Viewer(false, TokenKeys.ofCaller(caller)), sse);
    }

    /** One event of the stream, for the OpenAPI document. */
    @Schema(name = "ChangeStreamEvent", description = "An event of the change stream; on the wire, SSE fields id:, event: and data:")
    record ChangeStreamEvent(
            @Schema(required = true, type = SchemaType.STRING, description = "Increasing", examples = "1207") String id,
            @Schema(required = true, enumeration = { "changed", "reset" }) String event,
            @Schema(required = true, description = "JSON: the change, or for reset {\"reason\"}",
                    anyOf = { LiveRecorder.Changed.class, StreamEvents.Reset.class }) Object data) {
    }
}
