package dev.atwatch.output.hec;

import dev.atwatch.detect.Alert;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Sending a run's alerts to a collector, as the command line asks for it: the settings are checked
 * before the run starts (so a missing token fails fast), the alerts are sent after it, and the
 * outcome is told on standard error.
 */
public final class HecDelivery {

    /** The environment variable holding the collector's token. */
    public static final String TOKEN_VARIABLE = "ATWATCH_HEC_TOKEN";

    /** The exit code of a run whose alerts could not all be delivered. */
    public static final int EXIT_NOT_DELIVERED = 4;

    private final HecSender sender;
    private final URI endpoint;
    private final PrintWriter err;
    private final boolean quiet;

    private HecDelivery(HecSender sender, URI endpoint, PrintWriter err, boolean quiet) {
        this.sender = sender;
        this.endpoint = endpoint;
        this.err = err;
        this.quiet = quiet;
    }

    /**
     * Checks the URL and token; warns on {@code err} when certificates will not be checked.
     *
     * @throws IllegalArgumentException with a message for the user when the URL is not usable or
     *     the token is absent
     */
    public static HecDelivery create(
            String url, String token, boolean insecure, PrintWriter err, boolean quiet) {
        URI endpoint;
        try {
            endpoint = HecSender.endpoint(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid value for --hec-url: " + e.getMessage());
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(
                    "--hec-url needs the collector's token in the environment variable "
                            + TOKEN_VARIABLE
                            + ", which is not set");
        }
        if (insecure) {
            err.println(
                    "warning: --hec-insecure: the certificate and host name of "
                            + endpoint.getHost()
                            + " are not checked; the token may be sent to an impostor");
            err.flush();
        }
        HecSender.Settings settings = HecSender.Settings.of(endpoint, token.strip(), insecure);
        return new HecDelivery(new HecSender(settings), endpoint, err, quiet);
    }

    /** Sends {@code alerts}; returns false, after telling why, when some were not delivered. */
    public boolean send(List<Alert> alerts) {
        String runId = UUID.randomUUID().toString();
        try {
            HecSender.Delivery delivery = sender.send(HecEvents.of(alerts, runId));
            if (!quiet) {
                err.printf(
                        "atwatch: sent %d alert(s) to %s in %d batch(es), %d retried%n",
                        delivery.events(), endpoint, delivery.batches(), delivery.retries());
            }
            return true;
        } catch (HecException e) {
            err.println("error: HEC " + endpoint + ": " + e.getMessage());
            return false;
        } finally {
            err.flush();
        }
    }
}
