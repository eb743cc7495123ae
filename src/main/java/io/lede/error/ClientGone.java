package io.lede.error;

import java.nio.channels.ClosedChannelException;

import io.vertx.core.http.HttpClosedException;

/**
 * Whether a failure means only that the client went away: it closed the connection while its body
 * was still arriving, or before the answer was sent. Nothing is wrong with the service then, so it
 * is no error in the log, and the answer (a 400 nobody reads) is sent only if the connection allows.
 */
final class ClientGone {

    private ClientGone() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpClosedException || cause instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    static Problem problem() {
        return ProblemType.forStatus(400, "The connection closed before the request was complete");
    }
}
