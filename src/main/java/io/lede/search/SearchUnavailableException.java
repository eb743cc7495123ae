package io.lede.search;

/** The search engine did not answer (down, slow, or its index not yet created): a 503 for the search only. */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
