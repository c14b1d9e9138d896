package io.distman.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import io.distman.testsupport.ejb.Fixtures;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives Arquillian deploys: always the real EAR built by {@code ear/} (copied to
 * {@code src-test/target/it/distman.ear} by Maven), with the test classes, this package and GreenMail
 * added to its WAR so that in-container tests run next to the application's web module.
 *
 * <pre>
 * &#64;Deployment
 * static EnterpriseArchive deployment() { return Deployments.ear(MyFeatureIT.class, MyHelper.class); }
 * </pre>
 */
public final class Deployments {

    /** The application's web module inside the EAR (its context root /distman comes from application.xml). */
    public static final String WAR = "distman-web.war";

    /** The application's EJB module, which holds the persistence unit. */
    public static final String EJB = "distman-ejb.jar";

    /** The EAR with {@code testClasses} (and their inner classes) added to its WAR. */
    public static EnterpriseArchive ear(Class<?>... testClasses) {
        return ear(war -> { }, testClasses);
    }

    /** Like {@link #ear(Class...)}; {@code customizer} may add more to the WAR (pages, resources, packages). */
    public static EnterpriseArchive ear(Consumer<WebArchive> customizer, Class<?>... testClasses) {
        Path earFile = Path.of(required("distman.ear"));
        if (!Files.isRegularFile(earFile)) {
            throw new IllegalStateException(earFile + " is missing: run the build from the project root (mvn verify)");
        }
        EnterpriseArchive ear = ShrinkWrap.create(ZipImporter.class, "distman.ear")
                .importFrom(earFile.toFile()).as(EnterpriseArchive.class);

        // A nested WAR is only an asset of the EAR: import it, change it, and put it back under the same
        // name so application.xml (module distman-web.war, context root /distman) still matches.
        Node warNode = ear.get("/" + WAR);
        if (warNode == null) {
            throw new IllegalStateException(earFile + " has no " + WAR);
        }
        WebArchive war;
        try (InputStream in = warNode.getAsset().openStream()) {
            war = ShrinkWrap.create(ZipImporter.class, WAR).importFrom(in).as(WebArchive.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        war.addPackage(Deployments.class.getPackage());
        war.addAsResource(new StringAsset(TestEnvironment.snapshot()), TestEnvironment.RESOURCE);
        war.addClasses(testClasses);
        war.addAsLibraries(warLibraries());
        customizer.accept(war);

        ear.delete("/" + WAR);
        ear.addAsModule(war);
        addToEjbModule(ear, Fixtures.class.getPackage());
        return ear;
    }

    /**
     * Adds beans a host application would deploy next to the module (its {@code RecipientDirectory}, say) to the EJB
     * module, where the application's beans see them; a bean in the test WAR would be invisible to them.
     */
    public static EnterpriseArchive withHostBeans(EnterpriseArchive ear, Class<?>... hostBeans) {
        JavaArchive ejb = ejbModule(ear);
        ejb.addClasses(hostBeans);
        ear.delete("/" + EJB);
        ear.addAsModule(ejb);
        return ear;
    }

    /**
     * Test helpers that need the application's persistence unit go into its EJB module: GlassFish only
     * resolves {@code @PersistenceContext(unitName = "distman")} within the module that defines the unit.
     */
    private static void addToEjbModule(EnterpriseArchive ear, Package helpers) {
        JavaArchive ejb = ejbModule(ear);
        ejb.addPackage(helpers);
        ear.delete("/" + EJB);
        ear.addAsModule(ejb);
    }

    private static JavaArchive ejbModule(EnterpriseArchive ear) {
        Node ejbNode = ear.get("/" + EJB);
        try (InputStream in = ejbNode.getAsset().openStream()) {
            return ShrinkWrap.create(ZipImporter.class, EJB).importFrom(in).as(JavaArchive.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GreenMail and slf4j-api, copied by Maven; Jakarta Mail/Activation come from GlassFish. */
    private static java.io.File[] warLibraries() {
        Path dir = Path.of(required("distman.test.warLib"));
        try (Stream<Path> jars = Files.list(dir)) {
            return jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toFile).toArray(java.io.File[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("no test WAR libraries in " + dir, e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run the tests through Maven failsafe");
        }
        return value;
    }

    /** For debugging a deployment: {@code System.out.println(Deployments.describe(ear))}. */
    public static String describe(Archive<?> archive) {
        return archive.toString(true);
    }

    private Deployments() {
    }
}
