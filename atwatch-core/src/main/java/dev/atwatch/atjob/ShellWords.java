package dev.atwatch.atjob;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a POSIX shell command line into words: white space separates words outside quotes; single
 * quotes keep everything literally; double quotes keep all but backslash escapes of {@code "},
 * {@code \}, {@code $} and {@code `}; a backslash outside quotes escapes the next character. An
 * unquoted {@code |} ends a pipeline stage; {@link #pipeline} splits on it. Expansions and
 * redirections are not interpreted.
 */
final class ShellWords {

    private final String line;
    private int pos;

    private ShellWords(String line) {
        this.line = line;
    }

    /** The stages of a pipeline, each as its words; a line without {@code |} is one stage. */
    static List<List<String>> pipeline(String line) {
        ShellWords words = new ShellWords(line);
        List<List<String>> stages = new ArrayList<>();
        stages.add(new ArrayList<>());
        while (words.skipSpace()) {
            if (line.charAt(words.pos) == '|') {
                words.pos++;
                stages.add(new ArrayList<>());
            } else {
                stages.get(stages.size() - 1).add(words.word());
            }
        }
        return stages;
    }

    /** The words of {@code line}, with any {@code |} taken as a word of its own. */
    static List<String> split(String line) {
        List<String> all = new ArrayList<>();
        List<List<String>> stages = pipeline(line);
        for (int i = 0; i < stages.size(); i++) {
            if (i > 0) {
                all.add("|");
            }
            all.addAll(stages.get(i));
        }
        return all;
    }

    private boolean skipSpace() {
        while (pos < line.length() && WindowsArgs.isSpace(line.charAt(pos))) {
            pos++;
        }
        return pos < line.length();
    }

    private String word() {
        StringBuilder word = new StringBuilder();
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (WindowsArgs.isSpace(c) || c == '|') {
                break;
            }
            pos++;
            if (c == '\'') {
                singleQuoted(word);
            } else if (c == '"') {
                doubleQuoted(word);
            } else if (c == '\\' && pos < line.length()) {
                word.append(line.charAt(pos++));
            } else {
                word.append(c);
            }
        }
        return word.toString();
    }

    private void singleQuoted(StringBuilder word) {
        int close = line.indexOf('\'', pos);
        int end = close < 0 ? line.length() : close;
        word.append(line, pos, end);
        pos = close < 0 ? end : end + 1;
    }

    private void doubleQuoted(StringBuilder word) {
        while (pos < line.length() && line.charAt(pos) != '"') {
            char c = line.charAt(pos++);
            if (c == '\\' && pos < line.length() && "\"\\$`".indexOf(line.charAt(pos)) >= 0) {
                c = line.charAt(pos++);
            }
            word.append(c);
        }
        pos = Math.min(pos + 1, line.length());
    }
}
