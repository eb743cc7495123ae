package io.lede.error;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.Optional;

/**
 * Failures of Quarkus REST's multipart/form-data parser, which reads an upload before any resource
 * runs and reports a body it cannot parse with plain exceptions: an {@code IOException} when the body
 * ends before the closing boundary (garbage, cut short, empty, another boundary than Content-Type
 * names), {@code MalformedMessageException} for broken part headers, an unknown charset, and a
 * {@code RuntimeException} from {@code FormData.add} beyond {@code quarkus.http.limits.max-parameters}
 * parts. All of these are the client's: 400, or 413 for too many parts. Told apart by where they were
 * thrown, since their types say nothing.
 */
final class MultipartProblems {

    private static final String PARSER = "org.jboss.resteasy.reactive.server.core.multipart.";

    private MultipartProblems() {
    }

    static Optional<Problem> of(Throwable failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        boolean fromParser = false;
        for (StackTraceElement frame : frames) {
            fromParser |= frame.getClassName().startsWith(PARSER);
        }
        if (!fromParser) {
            return Optional.empty();
        }
        if (frames.length > 0 && frames[0].getClassName().equals(PARSER + "FormData") && frames[0].getMethodName().equals("add")) {
            return Optional.of(ProblemType.TOO_LARGE.problem("The multipart/form-data body has too many parts"));
        }
        Throwable cause = failure.getCause();
        if (cause instanceof IOException && !(cause instanceof UnsupportedEncodingException)) {
            // The parser could not write the uploaded file to its temporary folder: ours, not the client's.
            return Optional.empty();
        }
        return Optional.of(ProblemType.forStatus(400, "The multipart/form-data body could not be parsed: it is empty, "
                + "cut short, or its parts do not match the boundary named in Content-Type"));
    }
}
