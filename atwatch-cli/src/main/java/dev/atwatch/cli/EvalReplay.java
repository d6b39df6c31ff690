package dev.atwatch.cli;

import dev.atwatch.event.Event;
import dev.atwatch.event.Fields;
import dev.atwatch.spl.Execution;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Row;
import dev.atwatch.spl.ast.Command;
import dev.atwatch.spl.ast.Pipeline;
import dev.atwatch.spl.eval.PipelineRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fields of one event as a pipeline had them just before one of its eval assignments: the
 * commands before it (and the earlier assignments of the same eval) are run again on that event
 * alone, with the run's semantics, aliases and {@code now}. So a factor that reads a field an
 * earlier eval computed, and {@code table} later dropped, is explained with the value it read.
 */
final class EvalReplay {

    private final ExecutionOptions options;

    EvalReplay(ExecutionOptions options) {
        this.options = options;
    }

    /**
     * The fields before assignment {@code assignment} of the eval at {@code command} of {@code
     * pipeline}, for {@code event}; empty when they cannot be had from the event alone (a {@code
     * stats} before it makes rows of many events) or the event does not reach that point.
     */
    Optional<Fields> before(Pipeline pipeline, int command, int assignment, Event event) {
        List<Command> commands = pipeline.commands();
        List<Command> prefix = new ArrayList<>(commands.subList(0, command));
        if (prefix.stream().anyMatch(c -> c instanceof Command.Stats)) {
            return Optional.empty();
        }
        Command.Eval eval = (Command.Eval) commands.get(command);
        if (assignment > 0) {
            prefix.add(new Command.Eval(eval.assignments().subList(0, assignment), eval.span()));
        }
        Execution run = new PipelineRun(new Pipeline(prefix), options);
        run.accept(event);
        List<Row> rows = run.finish().rows();
        return rows.size() == 1 ? Optional.of(rows.get(0)) : Optional.empty();
    }
}
