package dev.atwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium driven by chromedriver through the W3C WebDriver protocol, spoken with the
 * JDK's HTTP client: open a page, find elements by CSS selector, click, type, run a script, take
 * screenshots. Chromium starts with a fresh profile and every background service off, since the
 * machines that run the tests may have no network and Chromium waits for it otherwise.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** The key under which WebDriver returns an element reference. */
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration COMMAND = Duration.ofSeconds(120);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final HttpClient http;
    private final URI session;
    private final Path profile;

    private HeadlessChromium(Process driver, HttpClient http, URI session, Path profile) {
        this.driver = driver;
        this.http = http;
        this.session = session;
        this.profile = profile;
    }

    /** What a test using the browser needs, for the report of a run that skips it. */
    static final String NEEDS =
            "needs /usr/bin/chromium and /usr/bin/chromedriver (Debian packages chromium and"
                    + " chromium-driver, installed by .ci/run)";

    /** Whether Chromium and chromedriver are installed here. */
    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Starts chromedriver on a free local port and opens a browser session with a window of {@code
     * width} by {@code height} pixels; chromedriver's log goes to {@code log}.
     */
    static HeadlessChromium start(int width, int height, Path log) throws Exception {
        Path profile = Files.createTempDirectory("atwatch-chromium");
        int port = freePort();
        Process driver =
                new ProcessBuilder(
                                CHROMEDRIVER.toString(),
                                "--port=" + port,
                                "--log-path=" + log.toAbsolutePath())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        try {
            awaitReady(http, base, driver);
            JsonNode created =
                    call(
                            http,
                            "POST",
                            base.resolve("session"),
                            capabilities(width, height, profile));
            URI session = base.resolve("session/" + created.path("sessionId").asText() + "/");
            return new HeadlessChromium(driver, http, session, profile);
        } catch (Exception e) {
            stop(driver);
            delete(profile);
            throw e;
        }
    }

    /** Loads {@code url} and returns when its load event has fired. */
    void open(String url) throws Exception {
        call("POST", "url", object().put("url", url));
    }

    /** The first element matching {@code css}. */
    Element find(String css) throws Exception {
        return new Element(call("POST", "element", locator(css)).path(ELEMENT).asText());
    }

    /** Every element matching {@code css}, in document order. */
    List<Element> findAll(String css) throws Exception {
        return elements(call("POST", "elements", locator(css)));
    }

    /** Runs {@code script} (a function body) in the page with {@code args}; its return value. */
    JsonNode script(String script, Object... args) throws Exception {
        ArrayNode list = JSON.createArrayNode();
        for (Object arg : args) {
            list.add(
                    arg instanceof Element e ? object().put(ELEMENT, e.id) : JSON.valueToTree(arg));
        }
        return call("POST", "execute/sync", object().put("script", script).set("args", list));
    }

    /** The visible part of the page as PNG. */
    byte[] screenshot() throws Exception {
        return Base64.getDecoder().decode(call("GET", "screenshot", null).asText());
    }

    @Override
    public void close() {
        try {
            call(http, "DELETE", session, null);
        } catch (Exception e) {
            // the driver is stopped below either way, and the browser with it
        }
        stop(driver);
        delete(profile);
    }

    /** An element of the open page. */
    final class Element {
        private final String id;

        private Element(String id) {
            this.id = id;
        }

        void click() throws Exception {
            call("POST", path("click"), object());
        }

        /** Types {@code text} into the element as keystrokes. */
        void type(String text) throws Exception {
            call("POST", path("value"), object().put("text", text));
        }

        void clear() throws Exception {
            call("POST", path("clear"), object());
        }

        /** Its rendered text, as a reader sees it. */
        String text() throws Exception {
            return call("GET", path("text"), null).asText();
        }

        /** An attribute, or {@code null} when it has none. */
        String attribute(String name) throws Exception {
            JsonNode value = call("GET", path("attribute/" + name), null);
            return value.isNull() ? null : value.asText();
        }

        /** A DOM property, such as {@code open} for a {@code details} element. */
        JsonNode property(String name) throws Exception {
            return call("GET", path("property/" + name), null);
        }

        boolean displayed() throws Exception {
            return call("GET", path("displayed"), null).asBoolean();
        }

        Element find(String css) throws Exception {
            return new Element(call("POST", path("element"), locator(css)).path(ELEMENT).asText());
        }

        List<Element> findAll(String css) throws Exception {
            return elements(call("POST", path("elements"), locator(css)));
        }

        /** The element as PNG, scrolled into view first. */
        byte[] screenshot() throws Exception {
            return Base64.getDecoder().decode(call("GET", path("screenshot"), null).asText());
        }

        private String path(String command) {
            return "element/" + id + "/" + command;
        }
    }

    private List<Element> elements(JsonNode found) {
        List<Element> elements = new ArrayList<>();
        found.forEach(node -> elements.add(new Element(node.path(ELEMENT).asText())));
        return elements;
    }

    private JsonNode call(String method, String command, JsonNode body) throws Exception {
        return call(http, method, session.resolve(command), body);
    }

    /** One WebDriver command; its {@code value}, or an exception with the driver's message. */
    private static JsonNode call(HttpClient http, String method, URI uri, JsonNode body)
            throws Exception {
        HttpRequest.BodyPublisher publisher =
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(COMMAND)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .method(method, publisher)
                        .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    method
                            + " "
                            + uri.getPath()
                            + ": "
                            + value.path("error").asText()
                            + ": "
                            + value.path("message").asText());
        }
        return value;
    }

    private static ObjectNode capabilities(int width, int height, Path profile) {
        ArrayNode args = JSON.createArrayNode();
        for (String arg :
                List.of(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--hide-scrollbars",
                        "--window-size=" + width + "," + height,
                        "--user-data-dir=" + profile)) {
            args.add(arg);
        }
        ObjectNode chrome = object().put("binary", CHROMIUM.toString());
        chrome.set("args", args);
        ObjectNode always = object().put("browserName", "chrome");
        always.set("goog:chromeOptions", chrome);
        ObjectNode capabilities = object();
        capabilities.set("alwaysMatch", always);
        return object().set("capabilities", capabilities);
    }

    private static ObjectNode locator(String css) {
        return object().put("using", "css selector").put("value", css);
    }

    private static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private static void awaitReady(HttpClient http, URI base, Process driver) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!driver.isAlive()) {
                throw new IllegalStateException("chromedriver exited with " + driver.exitValue());
            }
            try {
                if (call(http, "GET", base.resolve("status"), null).path("ready").asBoolean()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromedriver not ready after " + STARTUP);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Removes the browser's profile; what cannot be removed yet stays for the system to clean. */
    private static void delete(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind does no harm
        }
    }

    /** Stops chromedriver and whatever it started that is still running. */
    private static void stop(Process driver) {
        List<ProcessHandle> started = new ArrayList<>(driver.descendants().toList());
        started.add(driver.toHandle());
        started.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : started) {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // still exiting: the profile may then stay behind
            }
        }
    }
}
