package dev.atwatch.cli;

import dev.atwatch.output.html.HtmlReportWriter;
import dev.atwatch.output.html.RunReport;
import dev.atwatch.output.html.RunReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atwatch report}: the HTML report of a saved run. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description =
                "Write the self-contained HTML report of a run saved with --save-run or"
                        + " --format run-json.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  atwatch hunt --save-run run.json case-42/",
            "  atwatch report run.json -o report.html",
            "  atwatch hunt --format run-json -o run.json logs/",
            "  atwatch report run.json > report.html",
            "  atwatch report --report-details 20000 run.json -o all.html"
        })
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN.json", description = "a saved run")
    Path runFile;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "write the report to FILE (atomically) instead of standard output")
    Path output;

    @Mixin ReportOptions limits;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Output.checkWritable(output, "-o");
        HtmlReportWriter html = new HtmlReportWriter(limits.limits());
        if (!Files.isRegularFile(runFile) || !Files.isReadable(runFile)) {
            throw new InputException("cannot read run file " + runFile);
        }
        RunReport report;
        try {
            report = RunReportJson.read(runFile);
        } catch (RunReportJson.RunFileException e) {
            throw new InputException(e.getMessage());
        }
        Output.write(output, spec.commandLine().getOut(), out -> html.write(report, out));
        return ExitCodes.OK;
    }
}
