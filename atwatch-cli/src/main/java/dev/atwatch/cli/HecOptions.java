package dev.atwatch.cli;

import dev.atwatch.output.hec.HecDelivery;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The options that send alerts to a Splunk HTTP Event Collector. */
final class HecOptions {

    @Option(
            names = "--hec-url",
            paramLabel = "URL",
            description =
                    "also send the alerts to this Splunk HTTP Event Collector (token from the"
                            + " environment variable ATWATCH_HEC_TOKEN)")
    String url;

    @Option(
            names = "--hec-insecure",
            description = "do not verify the HEC server's TLS certificate (prints a warning)")
    boolean insecure;

    /**
     * The collector of {@code --hec-url}, its token from the environment, checked before any run;
     * {@code null} without {@code --hec-url}.
     */
    HecDelivery delivery(PrintWriter err, boolean quiet) {
        if (url == null) {
            return null;
        }
        String token = RunOptions.environment.apply(HecDelivery.TOKEN_VARIABLE);
        try {
            return HecDelivery.create(url, token, insecure, err, quiet);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
