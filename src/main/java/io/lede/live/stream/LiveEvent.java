package io.lede.live.stream;

import java.time.Instant;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * One stored stream event: its id ({@code seq}, increasing within its stream), name, JSON data, and
 * whether readers without an editor token may see it. Its SSE form is built once and shared by every
 * subscriber it is sent to.
 */
public final class LiveEvent {

    private final String stream;
    private final long seq;
    private final String name;
    private final String data;
    private final boolean visibleToPublic;
    private final Instant at;
    private volatile OutboundSseEvent sse;

    public LiveEvent(String stream, long seq, String name, String data, boolean visibleToPublic, Instant at) {
        this.stream = stream;
        this.seq = seq;
        this.name = name;
        this.data = data;
        this.visibleToPublic = visibleToPublic;
        this.at = at;
    }

    public String stream() {
        return stream;
    }

    public long seq() {
        return seq;
    }

    public String name() {
        return name;
    }

    public String data() {
        return data;
    }

    public boolean visibleToPublic() {
        return visibleToPublic;
    }

    public Instant at() {
        return at;
    }

    /**
     * Whether this is a stream's last event: its article was deleted. The flag is read from the
     * stored data ({@code ArticleUpdated} with {@code "deleted":true}) so that every replica, and a
     * replay, ends the stream at the same event.
     */
    public boolean endsStream() {
        return "article.updated".equals(name) && data.contains("\"deleted\":true");
    }

    OutboundSseEvent sse(Sse events) {
        OutboundSseEvent built = sse;
        if (built == null) {
            // No media type on the event: one set explicitly would be sent as a field of its own.
            built = events.newEventBuilder().id(Long.toString(seq)).name(name).data(String.class, data).build();
            sse = built;
        }
        return built;
    }
}
