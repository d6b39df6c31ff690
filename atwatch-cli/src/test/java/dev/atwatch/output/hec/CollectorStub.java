package dev.atwatch.output.hec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * A local HTTP Event Collector on 127.0.0.1 and an ephemeral port: it checks the token, answers
 * each request with the status a test chooses by request number (1-based), and keeps the events of
 * the requests it accepted (2xx), as Splunk would index them.
 */
public final class CollectorStub implements AutoCloseable {

    public static final String TOKEN = "11111111-2222-3333-4444-555555555555";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final IntUnaryOperator statusOfRequest;
    private final List<JsonNode> accepted = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    private int requests;

    public CollectorStub(IntUnaryOperator statusOfRequest) throws IOException {
        this.statusOfRequest = statusOfRequest;
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/services/collector/event", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
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

    @Override
    public void close() {
        server.stop(0);
    }
}
