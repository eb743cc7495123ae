package io.lede.live;

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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.lede.error.Problem;
import io.lede.live.stream.LiveEvents;
import io.lede.live.stream.LiveHub;
import io.lede.live.stream.LiveRecorder;
import io.lede.live.stream.StreamEvents;
import io.lede.live.stream.Streams;
import io.lede.security.Roles;
import io.lede.security.TokenKeys;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * A live blog's event stream. Opening it reads the database once (the article, where to start);
 * from then on the connection costs no thread: events are written by {@link LiveHub} on its
 * event loop.
 */
@Path("/v1/articles/{id}/live")
@Tag(name = "Live blogs")
public class ArticleStreamResource {

    private final EntryService entries;
    private final LiveEvents events;
    private final LiveHub hub;
    private final SecurityIdentity caller;

    public ArticleStreamResource(EntryService entries, LiveEvents events, LiveHub hub, SecurityIdentity caller) {
        this.entries = entries;
        this.events = events;
        this.hub = hub;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @ResponseHeader(name = "X-Accel-Buffering", value = "no")
    @Operation(summary = "Stream a live blog's changes (Server-Sent Events)", description = "Events entry.created and "
            + "entry.updated (data: the entry, exactly as GET returns it), entry.deleted (data: {\"id\"}) and "
            + "article.updated (data: the article's id, version, updatedAt, status and live; {\"id\", \"deleted\": true} "
            + "when it was deleted). Each event's id grows within this article's stream. Reconnecting with Last-Event-ID "
            + "(or lastEventId=, for clients that cannot set headers) first replays every event missed, in order, for "
            + "at least the last 1,000 events or 24 hours; older, one reset event comes instead, then live events. "
            + "A comment line comes at least every 15 s. A draft's stream and its events are visible to editors only. "
            + "Never compressed, never buffered by proxies that honour X-Accel-Buffering.")
    @APIResponse(responseCode = "200", description = "The stream: one SSE event per change, as id:, event: and data: lines "
            + "(data: one line of JSON), comment lines (:heartbeat) in between",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = ArticleStreamEvent.class),
                    examples = {
                            @ExampleObject(name = "entry.created", value = LiveExamples.CREATED_EVENT),
                            @ExampleObject(name = "entry.deleted", value = LiveExamples.DELETED_EVENT),
                            @ExampleObject(name = "article.updated", value = LiveExamples.ARTICLE_EVENT) }))
    @APIResponse(responseCode = "404", description = "No article with this id or slug is visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(@RestPath("id") @Parameter(description = "Article id, or its slug") String idOrSlug,
            @RestHeader("Last-Event-ID") @Parameter(description = "Id of the last event received; sent by EventSource when it reconnects") String lastEventId,
            @RestQuery("lastEventId") @Parameter(description = "The same as Last-Event-ID, for clients that cannot set headers") String lastEventIdParam,
            @Context Sse sse) {
        boolean editor = caller.hasRole(Roles.EDITOR);
        EntryService.Blog blog = entries.blog(idOrSlug, editor);
        String stream = Streams.article(blog.id());
        return hub.subscribe(stream, events.start(stream, StreamEvents.lastEventId(lastEventId, lastEventIdParam)),
                new LiveHub.Viewer(editor, TokenKeys.ofCaller(caller)), sse);
    }

    /** One event of the stream, for the OpenAPI document: what each SSE field carries. */
    @Schema(name = "ArticleStreamEvent", description = "An event of a live blog's stream; on the wire, SSE fields id:, event: and data:")
    record ArticleStreamEvent(
            @Schema(required = true, type = SchemaType.STRING, description = "Increasing within this article's stream", examples = "42") String id,
            @Schema(required = true, enumeration = { "entry.created", "entry.updated", "entry.deleted", "article.updated", "reset" }) String event,
            @Schema(required = true, description = "JSON, by event: the entry; {\"id\"} of the deleted entry; the article's new state; "
                    + "for reset, {\"reason\"}",
                    anyOf = { EntryView.class, EntryService.Deleted.class, LiveRecorder.ArticleUpdated.class, StreamEvents.Reset.class })
            Object data) {
    }
}
