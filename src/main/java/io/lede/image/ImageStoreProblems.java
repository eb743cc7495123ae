package io.lede.image;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.lede.error.ProblemMappers;
import io.quarkus.logging.Log;

/**
 * Images' 503s, with Retry-After like a database that does not answer: an image store that does not
 * answer, and every rendition slot busy.
 */
public class ImageStoreProblems {

    @ServerExceptionMapper
    public Response unavailable(ImageStore.UnavailableException e) {
        Log.warnf("Image store unavailable: %s", e.getMessage());
        return ProblemMappers.unavailable("The image store is not reachable; retry shortly");
    }

    @ServerExceptionMapper
    public Response busy(RenditionSlots.BusyException e) {
        return ProblemMappers.unavailable("Too many renditions are being generated right now; retry shortly");
    }
}
