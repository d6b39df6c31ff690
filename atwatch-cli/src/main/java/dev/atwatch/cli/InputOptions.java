package dev.atwatch.cli;

import dev.atwatch.event.Profile;
import dev.atwatch.read.Input;
import dev.atwatch.read.Inputs;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Readers;
import dev.atwatch.read.evtx.EvtxLimits;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options of every command that reads inputs: naming, index, host, limits. */
final class InputOptions {

    static final String LIMIT_NAMES =
            "line-bytes, record-bytes, fields-per-event, values-per-field, nesting, value-chars,"
                    + " evtx-template-depth, evtx-substitutions, evtx-chunk-render";

    @Option(
            names = "--profile",
            defaultValue = "ta-windows-legacy",
            paramLabel = "PROFILE",
            completionCandidates = CompletionCandidates.Profiles.class,
            description =
                    "how the Splunk add-on names Windows sourcetypes: ta-windows-legacy or"
                            + " ta-windows-8 (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(
            names = "--index",
            paramLabel = "NAME",
            description = "index given to every event (default: wineventlog or linux)")
    String index;

    @Option(names = "--host", paramLabel = "NAME", description = "host given to every event")
    String host;

    @Option(
            names = "--limit",
            paramLabel = "NAME=N",
            description = "raise or lower a named input limit; names: " + LIMIT_NAMES)
    Map<String, Integer> limits = Map.of();

    Profile profile() {
        try {
            return Profile.byId(profile);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid value for --profile: " + e.getMessage());
        }
    }

    ReadOptions readOptions() {
        return new ReadOptions(index, host, limits().read());
    }

    /** The readers every command sniffs inputs with, applying the EVTX limits of --limit. */
    Readers readers() {
        return Readers.standard(limits().evtx());
    }

    /** The limits --limit sets: the general ones, and the EVTX reader's own. */
    private record Limits(ReadLimits read, EvtxLimits evtx) {}

    private Limits limits() {
        ReadLimits read = ReadLimits.DEFAULTS;
        EvtxLimits evtx = EvtxLimits.DEFAULTS;
        for (Map.Entry<String, Integer> limit : limits.entrySet()) {
            String name = limit.getKey();
            try {
                if (EvtxLimits.NAMES.contains(name)) {
                    evtx = evtx.with(name, limit.getValue());
                } else if (ReadLimits.NAMES.contains(name)) {
                    read = read.with(name, limit.getValue());
                } else {
                    throw new UsageException(
                            "invalid --limit: unknown limit '"
                                    + name
                                    + "'; known limits: "
                                    + LIMIT_NAMES);
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid --limit: " + e.getMessage());
            }
        }
        return new Limits(read, evtx);
    }

    /** Expands the paths; a missing or unreadable path ends the command with exit code 3. */
    static List<Input> inputs(List<String> paths) {
        try {
            return Inputs.expand(paths);
        } catch (Inputs.UnreadableInputException e) {
            throw new InputException(e.getMessage());
        }
    }
}
