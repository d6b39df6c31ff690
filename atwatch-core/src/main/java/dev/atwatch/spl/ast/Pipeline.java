package dev.atwatch.spl.ast;

import java.util.List;
import java.util.Optional;

/** A parsed query: its commands in order. */
public record Pipeline(List<Command> commands) {

    public Pipeline {
        commands = List.copyOf(commands);
    }

    /** The first command when it is a search. */
    public Optional<Command.Search> firstSearch() {
        if (!commands.isEmpty() && commands.get(0) instanceof Command.Search search) {
            return Optional.of(search);
        }
        return Optional.empty();
    }
}
