package dev.atwatch.atjob;

import java.util.Locale;
import java.util.Set;

/** What kind of program a scheduled job runs, judged from its command. */
public enum JobCommandKind {
    /** The Windows command interpreter, {@code cmd.exe}. */
    CMD,
    /** Windows PowerShell or PowerShell 7. */
    POWERSHELL,
    /** A script file or a script host ({@code wscript}, {@code cscript}, {@code mshta}). */
    SCRIPT,
    /** Any other program. */
    BINARY,
    /** Shell commands, as Unix at(1) runs everything it reads, or a Unix shell. */
    SHELL,
    /** The commands are in a file given with {@code at -f}, whose content is not seen. */
    FILE,
    /** The command is not known, such as commands read from standard input. */
    UNKNOWN;

    private static final Set<String> POWERSHELLS = Set.of("powershell", "pwsh", "powershell_ise");
    private static final Set<String> SCRIPT_HOSTS = Set.of("wscript", "cscript", "mshta");
    private static final Set<String> SHELLS =
            Set.of("sh", "bash", "dash", "zsh", "ksh", "csh", "tcsh", "ash", "busybox", "fish");
    private static final Set<String> SCRIPT_EXTENSIONS =
            Set.of(
                    "bat", "cmd", "vbs", "vbe", "js", "jse", "wsf", "wsh", "ps1", "psm1", "hta",
                    "sh", "py", "pl", "rb");

    /**
     * The kind of a Windows-style command: judged by the first word's file name, so that {@code
     * "C:\Windows\System32\cmd.exe" /c ...} is {@link #CMD}. A null or blank command is {@link
     * #UNKNOWN}.
     */
    public static JobCommandKind of(String command) {
        String program = programName(command);
        if (program.isEmpty()) {
            return UNKNOWN;
        }
        String stem = stripExe(program);
        if (stem.equals("cmd")) {
            return CMD;
        }
        if (POWERSHELLS.contains(stem)) {
            return POWERSHELL;
        }
        if (SCRIPT_HOSTS.contains(stem) || SCRIPT_EXTENSIONS.contains(extension(program))) {
            return SCRIPT;
        }
        return SHELLS.contains(stem) ? SHELL : BINARY;
    }

    /** The lower-cased file name of a command's first word, without quotes or folders. */
    static String programName(String command) {
        if (command == null) {
            return "";
        }
        String text = command.strip();
        String first;
        if (text.startsWith("\"")) {
            int close = text.indexOf('"', 1);
            first = close < 0 ? text.substring(1) : text.substring(1, close);
        } else {
            int space = firstSpace(text);
            first = space < 0 ? text : text.substring(0, space);
        }
        int slash = Math.max(first.lastIndexOf('\\'), first.lastIndexOf('/'));
        return first.substring(slash + 1).toLowerCase(Locale.ROOT);
    }

    private static int firstSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String stripExe(String program) {
        return program.endsWith(".exe") ? program.substring(0, program.length() - 4) : program;
    }

    private static String extension(String program) {
        int dot = program.lastIndexOf('.');
        return dot < 0 ? "" : program.substring(dot + 1);
    }
}
