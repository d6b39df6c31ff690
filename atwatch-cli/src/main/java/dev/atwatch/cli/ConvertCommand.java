package dev.atwatch.cli;

import dev.atwatch.event.Event;
import dev.atwatch.event.Profile;
import dev.atwatch.output.EventWriter;
import dev.atwatch.read.EventReader;
import dev.atwatch.read.Input;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Readers;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.Warning;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atwatch convert}: writes the events of any supported input in another format. */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        description =
                "Write every event of the inputs (every field and the metadata) as JSON lines,"
                        + " XML or CSV.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  atwatch convert Security.evtx > security.jsonl",
            "  atwatch convert --format csv -o sysmon.csv Sysmon.evtx",
            "  atwatch convert --format xml --raw logs/ | less"
        })
final class ConvertCommand implements Callable<Integer> {

    static final List<String> FORMATS = List.of("jsonl", "xml", "csv");

    @Option(
            names = "--format",
            defaultValue = "jsonl",
            paramLabel = "FORMAT",
            completionCandidates = CompletionCandidates.ConvertFormats.class,
            description = "jsonl, xml or csv (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--raw", description = "also write _raw (the record as stored)")
    boolean raw;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "write to FILE")
    java.nio.file.Path output;

    @Mixin InputOptions input;

    @Option(
            names = {"-q", "--quiet"},
            description = "print no summary or warnings")
    boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders; - for stdin")
    List<String> paths;

    @Spec CommandSpec spec;

    private Readers readers;
    private long events;
    private long rejected;
    private long warnings;

    @Override
    public Integer call() throws IOException {
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(chosen)) {
            throw new UsageException(
                    "invalid value for --format: '" + format + "'; expected jsonl, xml or csv");
        }
        Profile naming = input.profile();
        ReadOptions options = input.readOptions();
        Output.checkWritable(output, "-o");
        readers = input.readers();
        List<Input> inputs = InputOptions.inputs(paths);
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        Output.write(
                output,
                spec.commandLine().getOut(),
                out -> {
                    Writer buffered = new BufferedWriter(out, 1 << 16);
                    try (EventWriter writer = writer(chosen, buffered, inputs, options, naming)) {
                        for (Input input : inputs) {
                            convert(input, options, naming, writer, err);
                        }
                    }
                });
        if (!quiet) {
            double seconds = (System.nanoTime() - start) / 1e9;
            err.printf(
                    Locale.ROOT,
                    "atwatch: %,d events written, %,d records rejected, %,d warnings, %.2f s%n",
                    events,
                    rejected,
                    warnings,
                    seconds);
        }
        return ExitCodes.OK;
    }

    private EventWriter writer(
            String chosen, Writer out, List<Input> inputs, ReadOptions options, Profile naming)
            throws IOException {
        return switch (chosen) {
            case "xml" -> new EventWriter.Xml(out, raw);
            case "csv" -> new EventWriter.Csv(out, columns(inputs, options, naming));
            default -> new EventWriter.JsonLines(out, raw);
        };
    }

    /** CSV needs its header first: a first pass collects every field name of every event. */
    private List<String> columns(List<Input> inputs, ReadOptions options, Profile naming)
            throws IOException {
        for (Input input : inputs) {
            if (input.path().isEmpty() && "-".equals(input.name())) {
                throw new UsageException(
                        "--format csv cannot read standard input (it reads twice)");
            }
        }
        Set<String> names = new LinkedHashSet<>();
        for (Input input : inputs) {
            Readers.Sniff sniff = readers.sniff(input);
            if (sniff.reader().isPresent()) {
                sniff.reader()
                        .get()
                        .read(
                                sniff.input(),
                                options,
                                new RecordSink() {
                                    @Override
                                    public void event(Event event) {
                                        naming.apply(event).names().forEach(names::add);
                                    }

                                    @Override
                                    public void rejected(Rejected ignored) {}
                                });
            }
        }
        if (!raw) {
            names.remove(Event.RAW);
        }
        return new ArrayList<>(names);
    }

    private void convert(
            Input input, ReadOptions options, Profile naming, EventWriter writer, PrintWriter err)
            throws IOException {
        Readers.Sniff sniff = readers.sniff(input);
        Optional<EventReader> reader = sniff.reader();
        if (reader.isEmpty()) {
            if (!quiet) {
                err.println("warning: skipped input " + input.name() + ": unknown or empty format");
            }
            return;
        }
        reader.get()
                .read(
                        sniff.input(),
                        options,
                        new RecordSink() {
                            @Override
                            public void event(Event event) {
                                try {
                                    writer.write(naming.apply(event));
                                    events++;
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            }

                            @Override
                            public void rejected(Rejected record) {
                                rejected++;
                                if (!quiet) {
                                    err.println(
                                            "warning: skipped record at "
                                                    + record.where().describeFully()
                                                    + ": "
                                                    + record.reason()
                                                    + ": "
                                                    + record.detail());
                                }
                            }

                            @Override
                            public void warning(Warning warning) {
                                warnings++;
                                if (!quiet) {
                                    err.println(
                                            "warning: at "
                                                    + warning.where().describeFully()
                                                    + ": "
                                                    + warning.reason()
                                                    + ": "
                                                    + warning.detail());
                                }
                            }
                        });
    }
}
