package io.lede.error;

import java.util.List;

/**
 * Thrown by services for a failure the client caused; {@link ProblemMappers} turns it into the
 * response. Carries no stack trace: it is control flow, not a bug.
 */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(type.problem(detail));
    }

    public static ProblemException notFound(String what, String id) {
        return of(ProblemType.NOT_FOUND, "No " + what + " matches '" + id + "'");
    }

    /** A 400 naming one field, as a validation failure would. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.validation(List.of(new Problem.FieldError(field, message))));
    }
}
