package dev.atwatch.cli;

import dev.atwatch.detect.Rule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atwatch query}: runs one ad-hoc SPL search. */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        description = "Run one SPL search over log files, as Splunk would run it.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  atwatch query --spl-file ../shared/spl/seed-query.spl examples/",
            "  atwatch query --spl 'EventCode=4688 | stats count by host' logs/",
            "  atwatch query --semantics splunk --profile ta-windows-8 --spl-file q.spl .",
            "  zcat security.xml.gz | atwatch query --format jsonl --spl 'EventCode=4698' -"
        })
final class QueryCommand extends SearchCommand {

    @ArgGroup(multiplicity = "1")
    SearchText search;

    static final class SearchText {
        @Option(names = "--spl", paramLabel = "TEXT", description = "the search, as text")
        String text;

        @Option(
                names = "--spl-file",
                paramLabel = "FILE",
                description = "a file holding the search")
        Path file;
    }

    @Override
    public Integer call() throws IOException {
        String text = search.text;
        String origin = "--spl";
        if (search.file != null) {
            text = TextFiles.read("search file", search.file);
            origin = search.file.toString();
        }
        Rule rule =
                new Rule(
                        "query",
                        "ad-hoc query",
                        "",
                        List.of(),
                        "medium",
                        List.of(),
                        text,
                        "",
                        "",
                        List.of(),
                        origin);
        return execute(List.of(rule), null, false);
    }
}
