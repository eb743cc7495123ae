package io.lede.search;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.lede.error.ProblemMappers;
import io.quarkus.logging.Log;

/** A search the engine cannot answer is a 503 with Retry-After, as a database that does not answer. */
public class SearchProblems {

    @ServerExceptionMapper
    public Response unavailable(SearchUnavailableException e) {
        Log.warnf("Search engine unavailable: %s", e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        return ProblemMappers.unavailable("The search engine is not reachable; retry shortly. Everything but searching (q) still works.");
    }
}
