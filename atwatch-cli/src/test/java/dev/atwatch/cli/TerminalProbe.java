package dev.atwatch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes what {@link Terminal#detect} sees to the file named by its argument, as {@code output=B
 * errors=B width=N}; {@link TerminalTest} runs it on a pseudo-terminal.
 */
public final class TerminalProbe {

    private TerminalProbe() {}

    public static void main(String[] args) throws IOException {
        Terminal terminal = Terminal.detect(System::getenv);
        String seen =
                "output="
                        + terminal.output()
                        + " errors="
                        + terminal.errors()
                        + " width="
                        + terminal.width();
        Files.writeString(Path.of(args[0]), seen, StandardCharsets.UTF_8);
    }
}
