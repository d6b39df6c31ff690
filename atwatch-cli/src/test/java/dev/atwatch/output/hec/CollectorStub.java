package dev.atwatch.output.hec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import javax.net.ssl.SSLContext;

/**
 * A local HTTP Event Collector on 127.0.0.1 and an ephemeral port, over HTTP or (with {@link
 * #https}) HTTPS with a self-signed certificate: it checks the token, answers each request with the
 * status a test chooses by request number (1-based), and keeps the events of the requests it
 * accepted (2xx), as Splunk would index them. Status {@link #DROP} closes the connection after
 * reading the request, without an answer and without keeping its events.
 */
public final class CollectorStub implements AutoCloseable {

    public static final String TOKEN = "11111111-2222-3333-4444-555555555555";

    /** The "status" that drops the connection instead of answering. */
    public static final int DROP = -1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final IntUnaryOperator statusOfRequest;
    private final List<JsonNode> accepted = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger connections = new AtomicInteger();
    private int requests;

    public CollectorStub(IntUnaryOperator statusOfRequest) throws IOException {
        this(statusOfRequest, null);
    }

    private CollectorStub(IntUnaryOperator statusOfRequest, SSLContext tls) throws IOException {
        this.statusOfRequest = statusOfRequest;
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            this.server = HttpServer.create(loopback, 0);
        } else {
            HttpsServer https = HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(
                    new HttpsConfigurator(tls) {
                        // called once per TLS connection, before its handshake
                        @Override
                        public void configure(HttpsParameters parameters) {
                            connections.incrementAndGet();
                            super.configure(parameters);
                        }
                    });
            this.server = https;
        }
        server.createContext("/services/collector/event", this::handle);
        server.start();
    }

    /** A collector on HTTPS, presenting a self-signed certificate no trust store holds. */
    public static CollectorStub https(IntUnaryOperator statusOfRequest) throws IOException {
        return new CollectorStub(statusOfRequest, SelfSignedCertificate.serverContext());
    }

    public String baseUrl() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int number;
        synchronized (this) {
            number = ++requests;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(authorization);
        int status = statusOfRequest.applyAsInt(number);
        if (status == DROP) {
            exchange.close();
            return;
        }
        if (!("Splunk " + TOKEN).equals(authorization)) {
            status = 401;
        }
        if (status >= 200 && status < 300) {
            List<JsonNode> events = events(body);
            batchSizes.add(events.size());
            accepted.addAll(events);
        }
        answer(exchange, status);
    }

    private static List<JsonNode> events(byte[] body) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        try (JsonParser parser = JSON.getFactory().createParser(body);
                MappingIterator<JsonNode> values = JSON.readValues(parser, JsonNode.class)) {
            while (values.hasNext()) {
                events.add(values.next());
            }
        }
        return events;
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        String text =
                status < 300
                        ? "{\"text\":\"Success\",\"code\":0}"
                        : status == 400
                                ? "{\"text\":\"Incorrect data format\",\"code\":5}"
                                : status == 401
                                        ? "{\"text\":\"Invalid token\",\"code\":4}"
                                        : "{\"text\":\"Server is busy\",\"code\":9}";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Events of accepted requests, in arrival order. */
    public List<JsonNode> accepted() {
        return List.copyOf(accepted);
    }

    /** Events per accepted request. */
    public List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    public synchronized int requests() {
        return requests;
    }

    /** TLS connections opened so far (HTTPS only). */
    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
