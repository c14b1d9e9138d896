package io.distman.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Properties;

/**
 * What the build decided, readable in the container too. In-container tests run in the GlassFish JVM,
 * which does not see failsafe's system properties; {@link Deployments} therefore copies the
 * {@code distman.test.*} ones into the test WAR as {@value #RESOURCE}.
 */
public final class TestEnvironment {

    static final String RESOURCE = "distman-test-environment.properties";

    static final String DEFAULT_BASE_URL = "http://localhost:8080/distman/";

    /** {@code postgresql} or {@code derby}: the database DatabaseSetup chose for this run. */
    public static String database() {
        return get("distman.test.database");
    }

    public static boolean onPostgres() {
        return "postgresql".equals(database());
    }

    /**
     * Where the application answers, ending with {@code /}: {@code -Ddistman.test.baseUrl}, else
     * {@value #DEFAULT_BASE_URL} (the managed GlassFish's HTTP listener and the EAR's context root). The one
     * place every test and bench takes the application's address from.
     */
    public static String baseUrl() {
        String value = find("distman.test.baseUrl");
        String url = value == null || value.isBlank() ? DEFAULT_BASE_URL : value.strip();
        return url.endsWith("/") ? url : url + "/";
    }

    /** A path below {@link #baseUrl()}, e.g. {@code url("api/v1/health")}. */
    public static URI url(String path) {
        return URI.create(baseUrl() + path);
    }

    /** A {@code distman.test.*} property: the system property client-side, the copy in the WAR in-container. */
    public static String get(String name) {
        String value = find(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set: run the tests through Maven failsafe");
        }
        return value;
    }

    private static String find(String name) {
        String value = System.getProperty(name);
        return value != null ? value : fromWar().getProperty(name);
    }

    /** Client side: the distman.test.* system properties as the text of {@value #RESOURCE}. */
    static String snapshot() {
        Properties p = new Properties();
        System.getProperties().stringPropertyNames().stream()
                .filter(n -> n.startsWith("distman.test."))
                .forEach(n -> p.setProperty(n, System.getProperty(n)));
        StringWriter out = new StringWriter();
        try {
            p.store(out, "copied from the test JVM by Deployments");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Properties fromWar() {
        Properties p = new Properties();
        try (InputStream in = TestEnvironment.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private TestEnvironment() {
    }
}
