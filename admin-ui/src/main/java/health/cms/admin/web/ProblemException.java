package health.cms.admin.web;

import health.cms.core.problem.Problem;

/**
 * A refusal of the HTTP layer that the core vocabulary has no word for (a missing If-Match is 428):
 * {@link Failures} answers it like a {@code Refusal}, as problem+json or a page.
 */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
