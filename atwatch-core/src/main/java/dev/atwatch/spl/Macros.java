package dev.atwatch.spl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Search macros, as Splunk's {@code macros.conf} defines them: a stanza {@code [name]} or {@code
 * [name(N)]} with a {@code definition} and, for N arguments, {@code args = a, b}. A query calls a
 * macro as {@code `name`} or {@code `name(x, y)`}; {@code $a$} in the definition is replaced by the
 * argument.
 */
public final class Macros {

    /** No macros: any macro call is an error. */
    public static final Macros NONE = new Macros(Map.of());

    /** One macro definition. */
    public record Macro(String name, List<String> args, String definition) {
        public Macro {
            args = List.copyOf(args);
        }
    }

    private final Map<String, Macro> byKey;

    private Macros(Map<String, Macro> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    /** Macros without arguments, by name. */
    public static Macros of(Map<String, String> definitions) {
        Map<String, Macro> byKey = new HashMap<>();
        definitions.forEach(
                (name, text) -> byKey.put(key(name, 0), new Macro(name, List.of(), text)));
        return new Macros(byKey);
    }

    /**
     * Parses {@code macros.conf} text. Comment lines start with {@code #} or {@code ;}; a line
     * ending in a backslash continues on the next one; keys other than {@code definition} and
     * {@code args} are ignored, as are stanzas without a definition.
     *
     * @throws IllegalArgumentException when a line is neither a stanza, a key nor a comment, or a
     *     stanza's argument count does not match its {@code args}
     */
    public static Macros parse(String fileText) {
        Map<String, Macro> byKey = new HashMap<>();
        Stanza stanza = null;
        List<String> lines = joinContinuations(fileText);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                addStanza(stanza, byKey);
                stanza = new Stanza(line.substring(1, line.length() - 1).strip());
            } else if (line.contains("=") && stanza != null) {
                stanza.set(
                        line.substring(0, line.indexOf('=')).strip(),
                        line.substring(line.indexOf('=') + 1).strip());
            } else {
                throw new IllegalArgumentException(
                        "macros line " + (i + 1) + " is not understood: " + shorten(line));
            }
        }
        addStanza(stanza, byKey);
        return new Macros(byKey);
    }

    /** The macro called {@code name} with {@code argCount} arguments. */
    public Optional<Macro> find(String name, int argCount) {
        return Optional.ofNullable(byKey.get(key(name, argCount)));
    }

    /** How many macros are defined. */
    public int size() {
        return byKey.size();
    }

    private static String key(String name, int argCount) {
        return name.toLowerCase(Locale.ROOT) + "/" + argCount;
    }

    private static void addStanza(Stanza stanza, Map<String, Macro> byKey) {
        if (stanza == null || stanza.definition == null) {
            return;
        }
        String name = stanza.header;
        int count = 0;
        int open = name.indexOf('(');
        if (open > 0 && name.endsWith(")")) {
            count = parseCount(name.substring(open + 1, name.length() - 1), name);
            name = name.substring(0, open).strip();
        }
        if (count != stanza.args.size()) {
            throw new IllegalArgumentException(
                    "macro ["
                            + stanza.header
                            + "] declares "
                            + count
                            + " arguments but names "
                            + stanza.args.size());
        }
        byKey.put(key(name, count), new Macro(name, stanza.args, stanza.definition));
    }

    private static int parseCount(String text, String header) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "macro [" + header + "]: argument count is not a number");
        }
    }

    private static List<String> joinContinuations(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\r?\n", -1)) {
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append('\n');
                continue;
            }
            lines.add(current.append(line).toString());
            current.setLength(0);
        }
        return lines;
    }

    private static String shorten(String line) {
        return line.length() > 40 ? line.substring(0, 37) + "..." : line;
    }

    /** A stanza being read. */
    private static final class Stanza {
        final String header;
        String definition;
        List<String> args = List.of();

        Stanza(String header) {
            this.header = header;
        }

        void set(String key, String value) {
            if (key.equals("definition")) {
                definition = unquote(value);
            } else if (key.equals("args")) {
                List<String> names = new ArrayList<>();
                for (String name : value.split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
                args = names;
            }
        }

        private static String unquote(String value) {
            if (value.length() >= 2
                    && value.startsWith("\"")
                    && value.endsWith("\"")
                    && value.indexOf('"', 1) == value.length() - 1) {
                return value.substring(1, value.length() - 1);
            }
            return value;
        }
    }
}
