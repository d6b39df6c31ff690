package dev.atwatch.output.hec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Sends events to a Splunk HTTP Event Collector in batches: each batch is one POST of concatenated
 * JSON events with {@code Authorization: Splunk <token>}. A batch that meets a connection error or
 * a 5xx answer is sent again after an exponentially growing pause, within {@link
 * Settings#maxAttempts} attempts and {@link Settings#maxTotal} overall; a 4xx answer is not
 * retried, and the server's message is reported. A TLS failure (an untrusted certificate, a host
 * name the certificate does not name, a server that does not speak TLS) is not retried either:
 * trying again cannot change it, and the error says how to trust the collector. Batches go in order
 * and a batch is sent only after the previous one was accepted, so a failure leaves a known prefix
 * delivered.
 */
public final class HecSender {

    /** Longest part of a server's answer quoted in an error. */
    static final int QUOTED_ANSWER_CHARS = 300;

    /**
     * How to reach the collector and how hard to try.
     *
     * @param endpoint the full URL of {@code /services/collector/event}
     * @param insecure accept any TLS certificate and host name
     * @param batchSize most events per POST
     * @param maxAttempts most attempts per batch (at least 1)
     * @param firstPause the pause before the first retry; each further pause doubles
     * @param maxTotal the longest time spent sending, retries included
     * @param requestTimeout the longest wait for one answer
     */
    public record Settings(
            URI endpoint,
            String token,
            boolean insecure,
            int batchSize,
            int maxAttempts,
            Duration firstPause,
            Duration maxTotal,
            Duration requestTimeout) {

        /** 100 events per batch, 5 attempts, pauses from 500 ms, 2 minutes overall. */
        public static Settings of(URI endpoint, String token, boolean insecure) {
            return new Settings(
                    endpoint,
                    token,
                    insecure,
                    100,
                    5,
                    Duration.ofMillis(500),
                    Duration.ofMinutes(2),
                    Duration.ofSeconds(30));
        }

        @Override
        public String toString() {
            // the token stays out of any message
            return "Settings[endpoint=" + endpoint + ", batchSize=" + batchSize + "]";
        }
    }

    /** What was sent: events, batches and retried attempts. */
    public record Delivery(int events, int batches, int retries) {}

    private final Settings settings;
    private final HttpClient client;
    private final String channel = UUID.randomUUID().toString();

    public HecSender(Settings settings) {
        this.settings = settings;
        this.client = client(settings);
    }

    /**
     * The endpoint for a URL as a user gives it: a base such as {@code https://splunk:8088} gets
     * {@code /services/collector/event}; a URL with a path is kept.
     *
     * @throws IllegalArgumentException when the URL is not http or https with a host
     */
    public static URI endpoint(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL");
        }
        String scheme =
                uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "'" + url + "' is not an http or https URL with a host");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.isEmpty() || path.equals("/")) {
            return uri.resolve("/services/collector/event");
        }
        return uri;
    }

    /** Sends every event; returns what was sent, or throws with how many were delivered. */
    public Delivery send(List<String> events) throws HecException {
        long deadline = System.nanoTime() + settings.maxTotal().toNanos();
        int delivered = 0;
        int batches = 0;
        int retries = 0;
        while (delivered < events.size()) {
            int end = Math.min(events.size(), delivered + settings.batchSize());
            String body = String.join("\n", events.subList(delivered, end));
            retries += sendBatch(body, batches + 1, delivered, deadline);
            delivered = end;
            batches++;
        }
        return new Delivery(delivered, batches, retries);
    }

    /** Sends one batch until accepted; returns how many retries it took. */
    private int sendBatch(String body, int batch, int delivered, long deadline)
            throws HecException {
        Duration pause = settings.firstPause();
        String lastProblem = "";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                if (System.nanoTime() + pause.toNanos() > deadline) {
                    break;
                }
                sleep(pause);
                pause = pause.multipliedBy(2);
            }
            Answer answer = post(body, batch);
            if (answer.status() >= 200 && answer.status() < 300) {
                return attempt - 1;
            }
            if (answer.permanent()) {
                throw new HecException(
                        "batch " + batch + " not sent: " + answer.text() + delivered(delivered),
                        delivered);
            }
            if (answer.status() >= 400 && answer.status() < 500) {
                throw new HecException(
                        "the collector refused batch "
                                + batch
                                + " with HTTP "
                                + answer.status()
                                + ": "
                                + answer.text()
                                + delivered(delivered),
                        delivered);
            }
            lastProblem =
                    answer.status() > 0
                            ? "HTTP " + answer.status() + ": " + answer.text()
                            : answer.text();
        }
        throw new HecException(
                "batch "
                        + batch
                        + " was not accepted after retries ("
                        + lastProblem
                        + ")"
                        + delivered(delivered),
                delivered);
    }

    private static String delivered(int delivered) {
        return "; " + delivered + " alert(s) delivered before it";
    }

    /**
     * A status and a short text; status 0 for a connection error, {@code permanent} when sending
     * again cannot help.
     */
    private record Answer(int status, String text, boolean permanent) {

        Answer(int status, String text) {
            this(status, text, false);
        }
    }

    private Answer post(String body, int batch) {
        HttpRequest request =
                HttpRequest.newBuilder(settings.endpoint())
                        .timeout(settings.requestTimeout())
                        .header("Authorization", "Splunk " + settings.token())
                        .header("Content-Type", "application/json")
                        .header("X-Splunk-Request-Channel", channel)
                        .header("X-Atwatch-Batch", channel + "/" + batch)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build();
        try {
            HttpResponse<String> response =
                    client.send(
                            request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), quoted(response.body()));
        } catch (IOException e) {
            SSLException tls = tlsFailure(e);
            if (tls != null) {
                return new Answer(0, tlsAdvice(tls), true);
            }
            return new Answer(0, "cannot reach " + settings.endpoint() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }

    /** The TLS failure behind {@code e}, or null when it is not one. */
    private static SSLException tlsFailure(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException tls) {
                return tls;
            }
        }
        return null;
    }

    /** What went wrong in the handshake, and what the user can do about it. */
    private String tlsAdvice(SSLException tls) {
        String host = settings.endpoint().getHost();
        String reason = " (" + rootMessage(tls) + "); not retried: ";
        if (hasCause(tls, CertificateException.class)) {
            return "the TLS certificate of "
                    + host
                    + " is not trusted or does not name the host"
                    + reason
                    + "add the collector's CA certificate to a Java trust store (keytool"
                    + " -importcert) and run with -Djavax.net.ssl.trustStore=FILE"
                    + " (ATWATCH_JAVA_OPTS with ./atwatch), or use --hec-insecure for a test"
                    + " collector";
        }
        return "the TLS handshake with "
                + host
                + " failed"
                + reason
                + "check that port "
                + (settings.endpoint().getPort() < 0 ? 443 : settings.endpoint().getPort())
                + " speaks HTTPS and which TLS versions it accepts (--hec-insecure turns off"
                + " only the certificate checks)";
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        return quoted(message);
    }

    private static String quoted(String text) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return flat.length() <= QUOTED_ANSWER_CHARS
                ? flat
                : flat.substring(0, QUOTED_ANSWER_CHARS) + "\u2026";
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpClient client(Settings settings) {
        HttpClient.Builder builder =
                HttpClient.newBuilder()
                        .connectTimeout(settings.requestTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER);
        if (settings.insecure()) {
            // the JDK client checks host names unless this property is set before it is built
            System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
            builder.sslContext(trustingEverything());
        }
        return builder.build();
    }

    private static SSLContext trustingEverything() {
        TrustManager everything =
                new X509TrustManager() {
                    @Override
                    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                    @Override
                    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                    @Override
                    public X509Certificate[] getAcceptedIssuers() {
                        return new X509Certificate[0];
                    }
                };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {everything}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available: " + e.getMessage(), e);
        }
    }
}
