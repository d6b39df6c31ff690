package dev.atwatch.spl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.Provenance;
import dev.atwatch.read.RecordFilter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Soundness of the prefilter: whenever the full first search accepts an event, the prefilter passes
 * the event's raw record, in JSON, XML and UTF-16LE encodings, in both semantics. The JSON and XML
 * encoders spell characters as the formats allow, at random: JSON escapes of any character by its
 * four hexadecimal digits, XML decimal and hexadecimal character references and CDATA sections.
 */
class PrefilterPropertiesTest {

    private static final List<String> FIELDS =
            List.of(
                    "Image",
                    "CommandLine",
                    "New_Process_Name",
                    "NewProcessName",
                    "Account_Name",
                    "SubjectUserName");

    /** Characters of random event values, chosen to stress escaping and case folding. */
    private static final String ALPHABET = "abcAT.exe\\\"'&<>/+ *xyzK\u212A\u00e9\u00c9\u0130i\t01";

    /** Letters of the literal core of query values. */
    private static final String LETTERS = "atexqrsKHJ.";

    /** Letters that make literals, and characters that encodings escape. */
    private static final String QUERY_ALPHABET = "atexqrsKHJ.\\\"'&<>/+ \u212A\u00e9\u0130\t";

    private static final Map<Character, String> JSON_ESCAPES =
            Map.of('"', "\\\"", '\\', "\\\\", '/', "\\/", '<', "\\u003c", '+', "\\u002B");

    /** Decimal and hexadecimal character references, as XML writers spell them. */
    private static final String[] FORMATS = {"&#%d;", "&#x%X;", "&#x%04x;"};

    private static final List<ExecutionOptions> MODES =
            List.of(ExecutionOptions.splunk(), ExecutionOptions.portable(FieldAliases.bundled()));

    /** A generated search and field values that satisfy its positive terms. */
    record Search(String text, Map<String, String> plants) {
        Search and(Search other) {
            return new Search(text + " " + other.text, merged(other));
        }

        Search or(Search other) {
            return new Search("(" + text + " OR " + other.text + ")", merged(other));
        }

        private Map<String, String> merged(Search other) {
            Map<String, String> all = new LinkedHashMap<>(plants);
            other.plants.forEach(all::putIfAbsent);
            return all;
        }
    }

    @Provide
    Arbitrary<Map<String, String>> events() {
        Arbitrary<String> value =
                Arbitraries.strings()
                        .withChars(ALPHABET.toCharArray())
                        .ofMinLength(1)
                        .ofMaxLength(12);
        return Arbitraries.maps(Arbitraries.of(FIELDS), value).ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<Search> searches() {
        Arbitrary<String> edge =
                Arbitraries.strings().withChars(QUERY_ALPHABET.toCharArray()).ofMaxLength(3);
        Arbitrary<String> core =
                Arbitraries.strings()
                        .withChars(LETTERS.toCharArray())
                        .ofMinLength(3)
                        .ofMaxLength(8);
        Arbitrary<String> value = Combinators.combine(edge, core, edge).as((a, b, c) -> a + b + c);
        Arbitrary<String> ops =
                Arbitraries.frequency(
                        Tuple.of(3, "="), Tuple.of(1, "!="), Tuple.of(3, "=*"), Tuple.of(2, "*"));
        Arbitrary<String> around = Arbitraries.of("", "pre ", "x\\");
        Arbitrary<Search> term =
                Combinators.combine(Arbitraries.of(FIELDS), value, ops, around)
                        .as(PrefilterPropertiesTest::term);
        return Arbitraries.recursive(
                () -> term,
                inner ->
                        Arbitraries.oneOf(
                                Combinators.combine(inner, inner).as(Search::and),
                                Combinators.combine(inner, inner).as(Search::or),
                                inner.map(a -> new Search("NOT " + a.text(), Map.of())),
                                inner,
                                inner),
                3);
    }

    private static Search term(String field, String value, String op, String around) {
        String quoted = value.replace("\\", "\\\\").replace("\"", "\\\"");
        String swapped = swapCase(value);
        return switch (op) {
            case "=*" ->
                    new Search(
                            field + "=\"*" + quoted + "*\"",
                            Map.of(field, around + swapped + around));
            case "*" -> new Search("\"*" + quoted + "*\"", Map.of("Other", around + swapped));
            case "!=" ->
                    new Search(field + "!=\"" + quoted + "\"", Map.of(field, around + "other"));
            default -> new Search(field + "=\"" + quoted + "\"", Map.of(field, swapped));
        };
    }

    private static String swapCase(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            out.append(
                    Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return out.toString();
    }

    /**
     * Each search runs over a random event and over one built from the values its positive terms
     * need (so that matches are common), each encoded as JSON and as XML.
     */
    @Property(tries = 1500)
    void prefilterPassesEveryEventTheSearchAccepts(
            @ForAll("searches") Search search,
            @ForAll("events") Map<String, String> random,
            @ForAll long seed) {
        CompileResult compiled = Spl.compile(search.text());
        assertThat(compiled.errors()).as(search.text()).isEmpty();
        Query query = compiled.query().orElseThrow();
        Map<String, String> planted = new LinkedHashMap<>(random);
        planted.putAll(search.plants());
        boolean literalsTested = false;
        Random spelling = new Random(seed);
        for (Map<String, String> fields : List.of(random, planted)) {
            literalsTested |= check(query, fields, spelling);
        }
        Statistics.label("accepted with literals").collect(literalsTested);
        Statistics.label("accepted with literals")
                .coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    /**
     * Checks soundness on the event written plainly (markup escaped, as most writers do) and
     * spelled at random; true when an accepted event was tested against real literals.
     */
    private static boolean check(Query query, Map<String, String> fields, Random spelling) {
        boolean tested = false;
        Map<String, RecordFilter.Encoding> records = new LinkedHashMap<>();
        records.put(json(fields, null), RecordFilter.Encoding.JSON);
        records.put(json(fields, spelling), RecordFilter.Encoding.JSON);
        records.put(xml(fields, null), RecordFilter.Encoding.XML);
        records.put(xml(fields, spelling), RecordFilter.Encoding.XML);
        for (Map.Entry<String, RecordFilter.Encoding> record : records.entrySet()) {
            String raw = record.getKey();
            RecordFilter.Encoding encoding = record.getValue();
            Event event = event(fields, raw);
            for (ExecutionOptions options : MODES) {
                if (!query.filter(options).test(event)) {
                    continue;
                }
                tested |= !query.prefilter().acceptsEverything();
                byte[] utf8 = raw.getBytes(StandardCharsets.UTF_8);
                assertThat(query.prefilter().mayMatch(utf8, 0, utf8.length))
                        .as("%s on %s", query.text(), raw)
                        .isTrue();
                assertThat(query.prefilter().mayMatch(encoding, utf8, 0, utf8.length))
                        .as("%s %s on %s", encoding, query.text(), raw)
                        .isTrue();
                if (encoding == RecordFilter.Encoding.JSON) {
                    continue;
                }
                // UTF-16 records (EVTX substitution values) hold values unescaped: only the
                // markup characters appear as entity references.
                byte[] utf16 = xml(fields, null).getBytes(StandardCharsets.UTF_16LE);
                assertThat(query.prefilter().mayMatchUtf16le(utf16, 0, utf16.length))
                        .as("utf16 %s on %s", query.text(), raw)
                        .isTrue();
            }
        }
        return tested;
    }

    private static Event event(Map<String, String> fields, String raw) {
        Event.Builder builder = Event.builder(new Provenance("property", 1, 0, -1));
        fields.forEach(builder::put);
        builder.put(Event.RAW, raw);
        return builder.build();
    }

    private static String json(Map<String, String> fields, Random spelling) {
        List<String> members = new ArrayList<>();
        fields.forEach(
                (name, value) ->
                        members.add("\"" + name + "\":\"" + jsonEscape(value, spelling) + "\""));
        return "{" + String.join(",", members) + "}";
    }

    /**
     * JSON string content; with {@code spelling}, one character in five of the rest is escaped by
     * its hexadecimal code.
     */
    private static String jsonEscape(String value, Random spelling) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            String escaped = JSON_ESCAPES.get(c);
            if (escaped != null) {
                out.append(escaped);
            } else if (c < 0x20 || c > 0x7e || spelling != null && spelling.nextInt(5) == 0) {
                String format = spelling != null && spelling.nextBoolean() ? "\\u%04X" : "\\u%04x";
                out.append(String.format(format, (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The event as XML; with {@code spelling} null only markup characters are escaped. */
    private static String xml(Map<String, String> fields, Random spelling) {
        StringBuilder out = new StringBuilder("<Event><EventData>");
        fields.forEach(
                (name, value) ->
                        out.append("<Data Name='")
                                .append(name)
                                .append("'>")
                                .append(xmlText(value, spelling))
                                .append("</Data>"));
        return out.append("</EventData></Event>").toString();
    }

    /**
     * XML character data for {@code value}: pieces of it in CDATA sections, the rest with markup
     * characters as entities and one character in five as a decimal or hexadecimal reference.
     */
    private static String xmlText(String value, Random spelling) {
        if (spelling == null) {
            return xmlEscape(value, null);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int end = i + 1 + spelling.nextInt(value.length() - i);
            String piece = value.substring(i, end);
            if (spelling.nextInt(4) == 0) {
                out.append("<![CDATA[").append(piece.replace("]]>", "]]]]><![CDATA[>"));
                out.append("]]>");
            } else {
                out.append(xmlEscape(piece, spelling));
            }
            i = end;
        }
        return out.toString();
    }

    private static String xmlEscape(String value, Random spelling) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\t' -> out.append("&#9;");
                default -> {
                    if (spelling != null && spelling.nextInt(5) == 0) {
                        String format = FORMATS[spelling.nextInt(FORMATS.length)];
                        out.append(String.format(format, (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
