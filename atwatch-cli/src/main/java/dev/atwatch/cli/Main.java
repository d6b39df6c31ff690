package dev.atwatch.cli;

/** Entry point of the {@code atwatch} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(0);
    }
}
