package dev.atwatch.spl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search macros. A query calls a macro as {@code `name`} or {@code `name(x, y)`}; {@code $a$} in
 * the definition is replaced by the argument named {@code a}. A macros file holds either form, or
 * both:
 *
 * <ul>
 *   <li>lines {@code name = definition} or {@code name(a, b) = definition}, before any stanza;
 *   <li>Splunk's {@code macros.conf} stanzas: {@code [name]} or {@code [name(N)]} with a {@code
 *       definition} and, for N arguments, {@code args = a, b}.
 * </ul>
 */
public final class Macros {

    /** No macros: any macro call is an error. */
    public static final Macros NONE = new Macros(Map.of());

    /** The settings of a {@code macros.conf} stanza; only the first two change the expansion. */
    static final List<String> SETTINGS =
            List.of("definition", "args", "description", "iseval", "validation", "errormsg");

    /** A macro name: letters, digits, {@code _}, {@code .} and {@code -}. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");

    /**
     * The left side of a {@code name = definition} line: a name and, optionally, argument names.
     */
    private static final Pattern SIMPLE =
            Pattern.compile("(" + NAME.pattern() + ")\\s*(?:\\(([^()]*)\\))?");

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
     * Parses a macros file (see the class comment for its two forms). Blank lines and lines
     * starting with {@code #} or {@code ;} are skipped; a line ending in a backslash continues on
     * the next one.
     *
     * @throws IllegalArgumentException naming the line (counted from 1) when it is neither a
     *     definition, a stanza, a stanza setting nor a comment; when a name is not a macro name, a
     *     definition is empty or a macro is defined twice; when a stanza's argument count does not
     *     match its {@code args}; or for an eval-based macro ({@code iseval = 1}), which atwatch
     *     does not expand
     */
    public static Macros parse(String fileText) {
        MacroFile file = new MacroFile();
        for (Line line : logicalLines(fileText)) {
            String text = line.text().strip();
            if (!text.isEmpty() && !text.startsWith("#") && !text.startsWith(";")) {
                file.line(text, line.number());
            }
        }
        file.closeStanza();
        return new Macros(file.byKey);
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

    /** Splits text into lines, joining those that end in a backslash with the next one. */
    private static List<Line> logicalLines(String text) {
        List<Line> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int number = 0;
        int first = 1;
        for (String line : text.split("\r?\n", -1)) {
            number++;
            if (current.length() == 0) {
                first = number;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append('\n');
                continue;
            }
            lines.add(new Line(first, current.append(line).toString()));
            current.setLength(0);
        }
        return lines;
    }

    private static String shorten(String line) {
        return line.length() > 40 ? line.substring(0, 37) + "..." : line;
    }

    /** A logical line and the number of its first physical line. */
    private record Line(int number, String text) {}

    /** The macros of a file being read, and the stanza open at the current line. */
    private static final class MacroFile {
        final Map<String, Macro> byKey = new HashMap<>();
        final Map<String, Integer> definedAt = new HashMap<>();
        Stanza stanza;

        void line(String text, int number) {
            if (text.startsWith("[")) {
                closeStanza();
                stanza = Stanza.open(text, number);
            } else if (stanza != null) {
                stanza.set(text, number);
            } else {
                simple(text, number);
            }
        }

        /** A {@code name = definition} or {@code name(a, b) = definition} line. */
        private void simple(String text, int number) {
            int equals = text.indexOf('=');
            if (equals < 0) {
                throw problem(
                        number,
                        "not a macro definition: '"
                                + shorten(text)
                                + "'; expected name = definition, name(a, b) = definition or a"
                                + " [name] stanza");
            }
            String left = text.substring(0, equals).strip();
            String definition = text.substring(equals + 1).strip();
            if (SETTINGS.contains(left)) {
                throw problem(
                        number, "'" + left + "' is a stanza setting; put it under a [name] line");
            }
            Matcher name = SIMPLE.matcher(left);
            if (!name.matches()) {
                throw problem(
                        number,
                        "'"
                                + shorten(left)
                                + "' is not a macro name; expected letters, digits, _ . -,"
                                + " optionally followed by (argument, ...)");
            }
            List<String> args = name.group(2) == null ? List.of() : names(name.group(2), number);
            add(new Macro(name.group(1), args, definition), number);
        }

        /** Adds the open stanza's macro; a stanza without a definition defines none. */
        void closeStanza() {
            if (stanza != null && stanza.definition != null) {
                add(stanza.macro(), stanza.number);
            }
            stanza = null;
        }

        private void add(Macro macro, int number) {
            if (macro.definition().isEmpty()) {
                throw problem(number, "macro " + macro.name() + " has an empty definition");
            }
            String key = key(macro.name(), macro.args().size());
            Integer earlier = definedAt.putIfAbsent(key, number);
            if (earlier != null) {
                throw problem(
                        number,
                        "macro "
                                + macro.name()
                                + " with "
                                + macro.args().size()
                                + " argument(s) is already defined on line "
                                + earlier);
            }
            byKey.put(key, macro);
        }
    }

    /** A {@code macros.conf} stanza being read. */
    private static final class Stanza {
        final String header;
        final int number;
        String definition;
        List<String> args = List.of();

        private Stanza(String header, int number) {
            this.header = header;
            this.number = number;
        }

        static Stanza open(String text, int number) {
            if (!text.endsWith("]")) {
                throw problem(number, "stanza header '" + shorten(text) + "' does not end in ]");
            }
            return new Stanza(text.substring(1, text.length() - 1).strip(), number);
        }

        void set(String text, int number) {
            int equals = text.indexOf('=');
            if (equals < 0) {
                throw problem(
                        number,
                        "not a setting of stanza ["
                                + header
                                + "]: '"
                                + shorten(text)
                                + "'; expected key = value");
            }
            String key = text.substring(0, equals).strip();
            String value = text.substring(equals + 1).strip();
            switch (key) {
                case "definition" -> definition = unquote(value);
                case "args" -> args = names(value, number);
                case "iseval" -> refuseEval(value, number);
                default -> checkSetting(key, number);
            }
        }

        private void refuseEval(String value, int number) {
            if (!value.equals("0") && !value.equalsIgnoreCase("false")) {
                throw problem(
                        number,
                        "stanza ["
                                + header
                                + "] is an eval-based macro (iseval = "
                                + value
                                + "), which atwatch does not expand");
            }
        }

        private void checkSetting(String key, int number) {
            if (!SETTINGS.contains(key)) {
                throw problem(
                        number,
                        "'"
                                + shorten(key)
                                + "' is not a setting of stanza ["
                                + header
                                + "]; expected one of "
                                + String.join(", ", SETTINGS)
                                + " (name = definition lines go before the first stanza)");
            }
        }

        /** The macro of this stanza. */
        Macro macro() {
            String name = header;
            int count = 0;
            int open = name.indexOf('(');
            if (open > 0 && name.endsWith(")")) {
                count = count(name.substring(open + 1, name.length() - 1));
                name = name.substring(0, open).strip();
            }
            if (!NAME.matcher(name).matches()) {
                throw problem(
                        number,
                        "["
                                + shorten(header)
                                + "] does not name a macro: expected [name]"
                                + " or [name(N)]");
            }
            if (count != args.size()) {
                throw problem(
                        number,
                        "macro ["
                                + header
                                + "] declares "
                                + count
                                + " argument(s) but args names "
                                + args.size());
            }
            return new Macro(name, args, definition);
        }

        private int count(String text) {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw problem(number, "[" + header + "]: the argument count is not a whole number");
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

    /** Argument names, separated by commas; each must be a macro name. */
    private static List<String> names(String text, int number) {
        List<String> names = new ArrayList<>();
        if (text.isBlank()) {
            return names;
        }
        for (String name : text.split(",")) {
            String stripped = name.strip();
            if (!NAME.matcher(stripped).matches()) {
                throw problem(number, "'" + shorten(stripped) + "' is not an argument name");
            }
            names.add(stripped);
        }
        return names;
    }

    private static IllegalArgumentException problem(int number, String what) {
        return new IllegalArgumentException("line " + number + ": " + what);
    }
}
