package dev.atwatch.detect.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A replay manifest: the tests of a technique and, per test, the telemetry sources that recorded
 * it. File paths in the manifest are relative to the manifest's folder.
 *
 * <pre>
 * tests:
 *   - id: t1-at-cmd
 *     name: at.exe schedules cmd.exe /c whoami
 *     sources:
 *       - source: sysmon
 *         files: [t1-at-cmd/sysmon.xml]
 *         expect: [win-at-exe-execution]
 *       - source: security-4688-no-cmdline
 *         files: [t1-at-cmd/security-no-cmdline.xml]
 *         blind: the payload is not logged
 *     chain: complete
 * </pre>
 *
 * {@code chain: complete} says that the files of all the test's sources together must link the
 * job's creation, registration and execution into one chain.
 *
 * @param file the manifest file
 * @param tests the tests, in file order
 */
public record ReplayManifest(Path file, List<ReplayTest> tests) {

    /** Largest manifest read, in bytes: a manifest is a short hand-written file. */
    public static final long MAX_BYTES = 1L << 20;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public ReplayManifest {
        tests = List.copyOf(tests);
    }

    /** Reads a manifest; every file it names must exist. */
    public static ReplayManifest load(Path file) throws ManifestException {
        String text = read(file);
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ManifestException(file + ": not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.path("tests").isArray()) {
            throw new ManifestException(file + ": expected a 'tests' list");
        }
        Path base = file.toAbsolutePath().getParent();
        List<ReplayTest> tests = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : root.get("tests")) {
            ReplayTest test = test(node, base, file);
            if (!ids.add(test.id())) {
                throw new ManifestException(file + ": test id '" + test.id() + "' is used twice");
            }
            tests.add(test);
        }
        return new ReplayManifest(file, tests);
    }

    private static String read(Path file) throws ManifestException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ManifestException(file + ": larger than " + MAX_BYTES + " bytes");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ManifestException("cannot read manifest " + file + ": " + e.getMessage());
        }
    }

    private static ReplayTest test(JsonNode node, Path base, Path file) throws ManifestException {
        String id = required(node, "id", file, "a test");
        if (!node.path("sources").isArray() || node.get("sources").isEmpty()) {
            throw new ManifestException(file + ": test '" + id + "' needs a 'sources' list");
        }
        List<TelemetrySource> sources = new ArrayList<>();
        for (JsonNode source : node.get("sources")) {
            sources.add(source(source, base, file, id));
        }
        return new ReplayTest(id, node.path("name").asText(id), sources, chain(node, file, id));
    }

    /** Whether the test expects a complete chain: {@code chain: complete}, or no key. */
    private static boolean chain(JsonNode node, Path file, String test) throws ManifestException {
        JsonNode chain = node.get("chain");
        if (chain == null || chain.isNull()) {
            return false;
        }
        if (!chain.isTextual() || !chain.asText().equals("complete")) {
            throw new ManifestException(
                    file
                            + ": test '"
                            + test
                            + "' has chain: '"
                            + chain.asText()
                            + "'; the only value is 'complete' (leave the key out otherwise)");
        }
        return true;
    }

    private static TelemetrySource source(JsonNode node, Path base, Path file, String test)
            throws ManifestException {
        String where = "a source of test '" + test + "'";
        String name = required(node, "source", file, where);
        List<String> paths = strings(node.get("files"));
        if (paths.isEmpty()) {
            throw new ManifestException(
                    file + ": source '" + name + "' of '" + test + "' needs 'files'");
        }
        List<Path> files = new ArrayList<>();
        for (String path : paths) {
            Path resolved = base.resolve(path).normalize();
            if (!Files.exists(resolved)) {
                throw new ManifestException(
                        file
                                + ": "
                                + path
                                + " (source '"
                                + name
                                + "' of '"
                                + test
                                + "') does not exist");
            }
            files.add(resolved);
        }
        List<String> expected = strings(node.get("expect"));
        String blind = node.hasNonNull("blind") ? node.get("blind").asText() : null;
        if (expected.isEmpty() == (blind == null)) {
            throw new ManifestException(
                    file
                            + ": source '"
                            + name
                            + "' of '"
                            + test
                            + "' needs either 'expect' (rule ids) or 'blind' (a reason), not both");
        }
        String note = node.hasNonNull("note") ? node.get("note").asText() : null;
        return new TelemetrySource(name, files, expected, blind, note);
    }

    private static String required(JsonNode node, String key, Path file, String what)
            throws ManifestException {
        JsonNode value = node.get(key);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new ManifestException(file + ": " + what + " needs '" + key + "'");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
