package io.lede.image;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.lede.common.error.ProblemMappers;
import io.quarkus.logging.Log;

/** An image store that does not answer is a 503 with Retry-After, like a database that does not. */
public class ImageStoreProblems {

    @ServerExceptionMapper
    public Response unavailable(ImageStore.UnavailableException e) {
        Log.warnf("Image store unavailable: %s", e.getMessage());
        return ProblemMappers.unavailable("The image store is not reachable; retry shortly");
    }
}
