package io.lede.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where original image files live, by key. The local disk is the default; an S3-compatible store
 * can take its place without the rest of the image code noticing.
 */
public interface ImageStore {

    /** Stores the file under the key, replacing nothing: keys are new ids. */
    void put(String key, Path file) throws IOException;

    InputStream open(String key) throws IOException;

    /** Removes the key; a key that is not there is not an error. */
    void delete(String key) throws IOException;

    /** The store cannot be reached or refused the request: callers answer 503, not 500. */
    class UnavailableException extends IOException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
