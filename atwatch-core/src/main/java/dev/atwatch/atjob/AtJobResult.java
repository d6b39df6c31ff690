package dev.atwatch.atjob;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading a command line as an at invocation: a complete job, a job with named
 * problems, or not an at invocation at all.
 */
public sealed interface AtJobResult {

    /** A fully understood invocation. */
    record Parsed(AtJob job) implements AtJobResult {}

    /** An invocation of an at tool of which some parts could not be read or are not visible. */
    record Partial(AtJob job, List<JobProblem> problems) implements AtJobResult {
        public Partial {
            problems = List.copyOf(problems);
        }
    }

    /** The command line is not an at invocation, or not one that can be understood. */
    record NotAJob(String reason) implements AtJobResult {}

    /** The job, complete or partial; empty for {@link NotAJob}. */
    default Optional<AtJob> asJob() {
        if (this instanceof Parsed parsed) {
            return Optional.of(parsed.job());
        }
        if (this instanceof Partial partial) {
            return Optional.of(partial.job());
        }
        return Optional.empty();
    }

    /** The problems found; empty for a complete job and for {@link NotAJob}. */
    default List<JobProblem> problems() {
        return this instanceof Partial partial ? partial.problems() : List.of();
    }

    /** Most problems listed for one command line; the rest are counted in a last problem. */
    int MAX_PROBLEMS = 32;

    /** A complete job when {@code problems} is empty, else a partial one. */
    static AtJobResult of(AtJob job, List<JobProblem> problems) {
        if (problems.isEmpty()) {
            return new Parsed(job);
        }
        if (problems.size() <= MAX_PROBLEMS) {
            return new Partial(job, problems);
        }
        List<JobProblem> listed = new java.util.ArrayList<>(problems.subList(0, MAX_PROBLEMS - 1));
        int more = problems.size() - listed.size();
        listed.add(
                new JobProblem(JobProblem.PROBLEMS_TRUNCATED, more + " more problems not listed"));
        return new Partial(job, listed);
    }
}
