package dev.atwatch.correlate;

import java.util.Locale;

/**
 * Compares the command a job was given with the command line of a process the scheduler started.
 * Both are normalised: lower case, quotes dropped, runs of blanks made one, the folder and {@code
 * .exe} of the program dropped, and {@code cmd /c} wrappers removed, so that a job {@code "cmd.exe
 * /c whoami"} matches a process {@code C:\Windows\system32\cmd.exe /c whoami} and a job {@code
 * C:\Users\Public\beacon.exe} matches {@code beacon.exe}.
 */
final class CommandMatch {

    /** Most {@code cmd /c} wrappers removed from one command. */
    private static final int MAX_WRAPPERS = 4;

    private CommandMatch() {}

    /** Whether two commands are the same once normalised; false when either is null or blank. */
    static boolean same(String jobCommand, String processCommandLine) {
        String job = normalise(jobCommand);
        return job != null && !job.isEmpty() && job.equals(normalise(processCommandLine));
    }

    /** The normalised form of a command, or {@code null} for null. */
    static String normalise(String command) {
        if (command == null) {
            return null;
        }
        String text = command.strip();
        for (int i = 0; i <= MAX_WRAPPERS; i++) {
            String[] parts = program(text);
            String program = parts[0];
            String rest = parts[1];
            if (!program.equals("cmd") || i == MAX_WRAPPERS) {
                return collapse(rest.isEmpty() ? program : program + " " + rest);
            }
            String unwrapped = afterRunSwitch(rest);
            if (unwrapped == null) {
                return collapse(rest.isEmpty() ? program : program + " " + rest);
            }
            text = unwrapped;
        }
        return collapse(text);
    }

    /** The program's lower-cased file name without {@code .exe}, and the rest of the line. */
    private static String[] program(String text) {
        String first;
        String rest;
        if (text.startsWith("\"")) {
            int close = text.indexOf('"', 1);
            first = close < 0 ? text.substring(1) : text.substring(1, close);
            rest = close < 0 ? "" : text.substring(close + 1);
        } else {
            int space = firstBlank(text);
            first = space < 0 ? text : text.substring(0, space);
            rest = space < 0 ? "" : text.substring(space);
        }
        int slash = Math.max(first.lastIndexOf('\\'), first.lastIndexOf('/'));
        String name = first.substring(slash + 1).toLowerCase(Locale.ROOT);
        if (name.endsWith(".exe")) {
            name = name.substring(0, name.length() - 4);
        }
        return new String[] {name, rest.strip()};
    }

    /** What follows {@code /c}, {@code /k} or {@code /r} in cmd's arguments, or {@code null}. */
    private static String afterRunSwitch(String arguments) {
        String lower = arguments.toLowerCase(Locale.ROOT);
        for (String option : new String[] {"/c", "/k", "/r"}) {
            int at = lower.indexOf(option);
            boolean starts = at == 0 || (at > 0 && Character.isWhitespace(lower.charAt(at - 1)));
            if (at >= 0 && starts) {
                String rest = arguments.substring(at + 2).strip();
                if (rest.length() > 1 && rest.startsWith("\"") && rest.endsWith("\"")) {
                    rest = rest.substring(1, rest.length() - 1).strip();
                }
                return rest;
            }
        }
        return null;
    }

    private static String collapse(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("\"", "").replace("'", "");
        return lower.strip().replaceAll("\\s+", " ");
    }

    private static int firstBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
