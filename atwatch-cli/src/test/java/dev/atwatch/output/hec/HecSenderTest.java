package dev.atwatch.output.hec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batches, the token header, retries on 5xx and connection errors, no retry on 4xx or on TLS
 * failures.
 */
class HecSenderTest {

    @Test
    void eventsGoInBatchesWithTheToken() throws Exception {
        try (CollectorStub collector = new CollectorStub(n -> 200)) {
            HecSender.Delivery delivery = sender(collector.baseUrl(), 3).send(events(250));

            assertThat(delivery).isEqualTo(new HecSender.Delivery(250, 3, 0));
            assertThat(collector.batchSizes()).containsExactly(100, 100, 50);
            assertThat(collector.authorizations()).containsOnly("Splunk " + CollectorStub.TOKEN);
            assertThat(ids(collector.accepted())).isEqualTo(expectedIds(250));
        }
    }

    @Test
    void serverFailingMidwayThenRecoveringLosesAndDuplicatesNothing() throws Exception {
        // requests 2, 3 and 4 fail: the second batch is tried four times
        try (CollectorStub collector = new CollectorStub(n -> n >= 2 && n <= 4 ? 503 : 200)) {
            HecSender.Delivery delivery = sender(collector.baseUrl(), 5).send(events(250));

            assertThat(delivery.retries()).isEqualTo(3);
            assertThat(collector.requests()).isEqualTo(6);
            assertThat(ids(collector.accepted())).isEqualTo(expectedIds(250));
        }
    }

    @Test
    void connectionDroppedWithoutAnAnswerIsRetriedLosingAndDuplicatingNothing() throws Exception {
        // the collector reads batches 2 and 3 and closes the connection without answering
        try (CollectorStub collector =
                new CollectorStub(n -> n == 2 || n == 4 ? CollectorStub.DROP : 200)) {
            HecSender.Delivery delivery = sender(collector.baseUrl(), 5).send(events(350));

            assertThat(delivery).isEqualTo(new HecSender.Delivery(350, 4, 2));
            assertThat(collector.requests()).isEqualTo(6);
            assertThat(collector.batchSizes()).containsExactly(100, 100, 100, 50);
            assertThat(ids(collector.accepted())).isEqualTo(expectedIds(350));
        }
    }

    @Test
    void selfSignedCertificateIsRefusedAtOnceNamingTheWaysOut() throws Exception {
        try (CollectorStub collector = CollectorStub.https(n -> 200)) {
            // a retry would wait 5 s first; the failure must come before
            HecSender sender = sender(collector.baseUrl(), false, Duration.ofSeconds(5));

            long start = System.nanoTime();
            assertThatThrownBy(() -> sender.send(events(3)))
                    .isInstanceOfSatisfying(
                            HecException.class, e -> assertThat(e.delivered()).isZero())
                    .hasMessageContaining("batch 1 not sent")
                    .hasMessageContaining("certificate of 127.0.0.1 is not trusted")
                    .hasMessageContaining("-Djavax.net.ssl.trustStore=")
                    .hasMessageContaining("--hec-insecure")
                    .hasMessageNotContaining("after retries");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(collector.connections()).isEqualTo(1);
            assertThat(collector.requests()).isZero();
        }
    }

    @Test
    void selfSignedCertificateIsAcceptedWhenInsecure() throws Exception {
        try (CollectorStub collector = CollectorStub.https(n -> 200)) {
            HecSender sender = sender(collector.baseUrl(), true, Duration.ofMillis(20));

            HecSender.Delivery delivery = sender.send(events(150));

            assertThat(delivery).isEqualTo(new HecSender.Delivery(150, 2, 0));
            assertThat(ids(collector.accepted())).isEqualTo(expectedIds(150));
        }
    }

    @Test
    void clientErrorIsNotRetriedAndQuotesTheServer() throws Exception {
        try (CollectorStub collector = new CollectorStub(n -> n == 2 ? 400 : 200)) {
            HecSender sender = sender(collector.baseUrl(), 5);

            assertThatThrownBy(() -> sender.send(events(250)))
                    .isInstanceOfSatisfying(
                            HecException.class, e -> assertThat(e.delivered()).isEqualTo(100))
                    .hasMessageContaining("HTTP 400")
                    .hasMessageContaining("Incorrect data format");
            assertThat(collector.requests()).isEqualTo(2);
        }
    }

    @Test
    void wrongTokenIsRefusedWithoutRetry() throws Exception {
        try (CollectorStub collector = new CollectorStub(n -> 200)) {
            HecSender.Settings settings =
                    new HecSender.Settings(
                            HecSender.endpoint(collector.baseUrl()),
                            "wrong",
                            false,
                            100,
                            5,
                            Duration.ofMillis(10),
                            Duration.ofSeconds(10),
                            Duration.ofSeconds(5));

            assertThatThrownBy(() -> new HecSender(settings).send(events(3)))
                    .hasMessageContaining("HTTP 401")
                    .hasMessageContaining("Invalid token")
                    .hasMessageNotContaining("wrong");
            assertThat(collector.requests()).isEqualTo(1);
        }
    }

    @Test
    void unreachableCollectorFailsAfterBoundedAttempts() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HecSender sender = sender("http://127.0.0.1:" + port, 3);

        long start = System.nanoTime();
        assertThatThrownBy(() -> sender.send(events(1)))
                .isInstanceOf(HecException.class)
                .hasMessageContaining("not accepted after retries")
                .hasMessageContaining("cannot reach");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void persistentServerErrorStopsAtTheAttemptLimit() throws Exception {
        try (CollectorStub collector = new CollectorStub(n -> 503)) {
            assertThatThrownBy(() -> sender(collector.baseUrl(), 4).send(events(1)))
                    .hasMessageContaining("HTTP 503")
                    .hasMessageContaining("Server is busy");
            assertThat(collector.requests()).isEqualTo(4);
            assertThat(collector.accepted()).isEmpty();
        }
    }

    @Test
    void baseUrlGetsTheEventPathAndOtherSchemesAreRefused() {
        assertThat(HecSender.endpoint("https://splunk.example:8088"))
                .isEqualTo(URI.create("https://splunk.example:8088/services/collector/event"));
        assertThat(HecSender.endpoint("https://splunk.example:8088/services/collector/event"))
                .isEqualTo(URI.create("https://splunk.example:8088/services/collector/event"));
        assertThatThrownBy(() -> HecSender.endpoint("ftp://splunk.example"))
                .hasMessageContaining("not an http or https URL");
    }

    private static HecSender sender(String url, int attempts) {
        return new HecSender(
                new HecSender.Settings(
                        HecSender.endpoint(url),
                        CollectorStub.TOKEN,
                        false,
                        100,
                        attempts,
                        Duration.ofMillis(20),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(5)));
    }

    /** Five attempts per batch, the first retry after {@code pause}. */
    private static HecSender sender(String url, boolean insecure, Duration pause) {
        return new HecSender(
                new HecSender.Settings(
                        HecSender.endpoint(url),
                        CollectorStub.TOKEN,
                        insecure,
                        100,
                        5,
                        pause,
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(10)));
    }

    private static List<String> events(int count) {
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            events.add(
                    "{\"source\":\"atwatch\",\"sourcetype\":\"atwatch:alert\","
                            + "\"event\":{\"alert_id\":\"run-"
                            + i
                            + "\"}}");
        }
        return events;
    }

    private static List<String> expectedIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add("run-" + i);
        }
        return ids;
    }

    private static List<String> ids(List<JsonNode> events) {
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(e.path("event").path("alert_id").asText()));
        return ids;
    }
}
