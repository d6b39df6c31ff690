package dev.atwatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version printed by {@code --version}: the project version the build wrote into {@code
 * version.properties}, else the jar manifest's {@code Implementation-Version}.
 */
final class Version implements IVersionProvider {

    private static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        String version = fromResource();
        if (version == null) {
            version = Main.class.getPackage().getImplementationVersion();
        }
        return new String[] {"atwatch " + (version == null ? "(development build)" : version)};
    }

    /** The built version, or null when the resource is missing or was not filtered. */
    static String fromResource() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").strip();
            return version.isEmpty() || version.contains("${") ? null : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
