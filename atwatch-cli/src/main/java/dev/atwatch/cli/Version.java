package dev.atwatch.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}, from the jar's manifest. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"atwatch " + (version == null ? "(development build)" : version)};
    }
}
