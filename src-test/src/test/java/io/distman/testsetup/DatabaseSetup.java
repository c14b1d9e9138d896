package io.distman.testsetup;

import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * Run by Maven (exec-maven-plugin, pre-integration-test) in its own JVM, not by the tests: chooses the
 * database of the integration tests and tells GlassFish how to reach it.
 *
 * <p>PostgreSQL when {@code host:port} answers (the database {@code distman_test} is dropped and created
 * again, so every run starts from an empty schema that Flyway builds at deployment), the embedded Derby
 * otherwise. {@code -Ddistman.test.db=postgresql|derby} forces one; forcing PostgreSQL when it is not
 * reachable fails the build instead of silently falling back.
 *
 * <p>Writes a properties file for failsafe's {@code systemPropertiesFile}: {@code glassfish.postBootCommands}
 * (asadmin commands, one per line, run by the Arquillian connector after start-domain) and
 * {@code distman.test.database} ({@code postgresql} or {@code derby}). Prints the choice on one line
 * beginning with {@value #MARKER}, which .ci/run looks for.
 */
public final class DatabaseSetup {

    static final String MARKER = "Integration tests run on ";

    /**
     * The mail resource: to the GreenMail that the test WAR starts inside GlassFish (TestMailServer).
     * GlassFish 7 calls the command create-mail-resource (create-javamail-resource is gone).
     */
    static final String MAIL_RESOURCE = "create-mail-resource --mailhost 127.0.0.1 --mailuser distman"
            + " --fromaddress noreply@distman.local --property mail.smtp.port=3025 mail/distman";

    /**
     * After the application has refused a body (413), Grizzly reads and discards the rest of it to keep the
     * connection: 300 MB of garbage through the heap. Past 1 MiB it closes the connection instead.
     */
    static final String SWALLOW_LIMIT = "set configs.config.server-config.network-config.protocols.protocol"
            + ".http-listener-1.http.max-swallowing-input-bytes=1048576";

    /**
     * The installation key of the GlassFish under test (SecretBox), written where the server looks by default:
     * the domain's config folder, fresh every run. A fixed key, not a secret: the bench profile keeps its
     * database across runs, and what it sealed must open in the next run's new domain.
     */
    static final String TEST_INSTALLATION_KEYS = "# test-only installation key (DatabaseSetup); never use it elsewhere\n"
            + "it-1=ZGlzdG1hbi1pbnRlZ3JhdGlvbi10ZXN0cy1rZXktMDE=\n";

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Path keyFile = Path.of(System.getProperty("distman.test.keyFile"));
        writeInstallationKeys(keyFile);
        RelayCertificate.create(Path.of(System.getProperty("distman.test.relayTls")), keyFile.getParent().resolve("cacerts.jks"));
        String forced = System.getProperty("distman.test.db", "").trim().toLowerCase();
        String host = System.getProperty("distman.test.pg.host", "127.0.0.1");
        int port = Integer.parseInt(System.getProperty("distman.test.pg.port", "5432"));
        String user = System.getProperty("distman.test.pg.user", "postgres");
        // GlassFish refuses a pool with a user but no password ("No password credential found"), even
        // where PostgreSQL trusts local connections and ignores the password.
        String password = System.getProperty("distman.test.pg.password", "postgres");
        String database = System.getProperty("distman.test.pg.database", "distman_test");
        String where = host + ":" + port + "/" + database;
        // The bench profile keeps its database (10 million generated deliveries take minutes to build) and
        // fills it when it is missing, holds another number of rows, or -Ddistman.test.bench.regenerate=true.
        boolean keep = Boolean.getBoolean("distman.test.pg.keep");
        long benchDeliveries = Long.parseLong(System.getProperty("distman.test.bench.deliveries", "0").trim());
        boolean regenerate = Boolean.getBoolean("distman.test.bench.regenerate");

        if (!List.of("", "auto", "derby", "postgresql").contains(forced)) {
            fail("-Ddistman.test.db must be derby or postgresql, not '" + forced + "'");
        }
        boolean usePostgres = false;
        String whyNot = "forced by -Ddistman.test.db=derby";
        if (!forced.equals("derby")) {
            try {
                if (keep) {
                    keepOrGenerate(host, port, user, password, database, benchDeliveries, regenerate);
                } else {
                    recreate(host, port, user, password, database);
                }
                usePostgres = true;
            } catch (IOException | SQLException e) {
                whyNot = "PostgreSQL at " + host + ":" + port + " not usable: " + e.getMessage();
                if (forced.equals("postgresql")) {
                    fail("-Ddistman.test.db=postgresql but " + whyNot);
                }
            }
        }

        String commands;
        String banner;
        if (usePostgres) {
            // PGSimpleDataSource as in STACK.md; ':' separates the properties, so none may contain one.
            String props = "user=" + user + ":password=" + password
                    + ":serverName=" + host + ":portNumber=" + port + ":databaseName=" + database;
            commands = String.join("\n",
                    "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource"
                            + " --restype javax.sql.DataSource" + POSTGRES_VALIDATION
                            + " --property " + props + " distman-pool",
                    "create-jdbc-resource --connectionpoolid distman-pool jdbc/distman",
                    MAIL_RESOURCE, SWALLOW_LIMIT);
            banner = MARKER + "PostgreSQL (" + where + ")";
        } else {
            // Embedded Derby inside the GlassFish JVM, created on first connection under the domain's
            // lib/databases like GlassFish's own __TimerPool; GlassFish expands ${com.sun.aas.instanceRoot}.
            commands = String.join("\n",
                    "create-jdbc-connection-pool --datasourceclassname org.apache.derby.jdbc.EmbeddedDataSource"
                            + " --restype javax.sql.DataSource" + DERBY_VALIDATION + " --property"
                            + " databaseName=${com.sun.aas.instanceRoot}/lib/databases/distman:createDatabase=create"
                            + " distman-pool",
                    "create-jdbc-resource --connectionpoolid distman-pool jdbc/distman",
                    MAIL_RESOURCE, SWALLOW_LIMIT);
            banner = MARKER + "embedded Derby (" + whyNot + ")";
        }

        Properties p = new Properties();
        p.setProperty("glassfish.postBootCommands", commands);
        p.setProperty("distman.test.database", usePostgres ? "postgresql" : "derby");
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(out)) {
            p.store(w, "Written by io.distman.testsetup.DatabaseSetup; read by failsafe");
        }
        Files.writeString(out.resolveSibling("it-database.txt"), (usePostgres ? "postgresql" : "derby") + "\n");

        String line = "=".repeat(banner.length());
        System.out.println(line + "\n" + banner + "\n" + line);
        System.out.println("GlassFish post-boot commands:\n  " + commands.replace("\n", "\n  "));
    }

    /**
     * Every pooled connection is checked before it is handed out, and one found broken throws away the whole pool:
     * without it a database restart left every connection closed and every sweep and request failing until the pool
     * was flushed by hand (issue 12). The same options as the README's, the run profile's and src-test/tools/instance.
     *
     * <p>PostgreSQL: {@code meta-data} asks the driver, not the server. PgJDBC's {@code getMetaData()} throws once the
     * connection has failed (an I/O error closes it), so the first use of a connection the restart killed fails, the
     * next hand-out finds it closed, and fail-all replaces the pool. GlassFish's {@code PostgresConnectionValidation}
     * ran {@code SELECT 1} on every hand-out instead: a round trip per transaction, and one taken while the pool's
     * hand-out waits (the 8-caller submit bench queued there).
     */
    static final String POSTGRES_VALIDATION = " --isconnectvalidatereq=true --validationmethod meta-data --failconnection=true";

    /** Embedded Derby runs in the server's JVM: GlassFish's own query check costs no round trip. */
    static final String DERBY_VALIDATION = " --isconnectvalidatereq=true --validationmethod custom-validation"
            + " --validationclassname org.glassfish.api.jdbc.validation.DerbyConnectionValidation --failconnection=true";

    private static void writeInstallationKeys(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, TEST_INSTALLATION_KEYS);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Drops and creates the test database; throws if PostgreSQL can't be reached or used. */
    private static void recreate(String host, int port, String user, String password, String database)
            throws IOException, SQLException {
        Properties props = reachable(host, port, user, password, database);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", props);
                Statement st = c.createStatement()) {
            // A GlassFish killed mid-run leaves its pool's connections open, and DROP refuses while any exist.
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = '" + database + "' AND pid <> pg_backend_pid()");
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + database);
        }
    }

    /**
     * The bench profile's database: migrated now (outside GlassFish, so a new migration on 10 million rows
     * does not run inside the deployment), and generated again only when it lacks a finished load of
     * {@code deliveries} rows, its migrations no longer validate, or {@code regenerate} asks for it.
     */
    private static void keepOrGenerate(String host, int port, String user, String password, String database,
            long deliveries, boolean regenerate) throws IOException, SQLException {
        Properties props = reachable(host, port, user, password, database);
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
        boolean exists;
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", props);
                Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            exists = rs.next();
        }
        String why = regenerate ? "-Ddistman.test.bench.regenerate=true" : null;
        if (exists && why == null) {
            try {
                migrate(url, user, password);
                try (Connection c = DriverManager.getConnection(url, props)) {
                    long loaded = BenchDataset.loaded(c);
                    if (deliveries > 0 && loaded != deliveries) {
                        why = loaded < 0 ? "no finished load" : "it holds " + loaded + " deliveries, not " + deliveries;
                    }
                }
            } catch (org.flywaydb.core.api.FlywayException e) {
                why = "its schema does not migrate (" + e.getMessage().lines().findFirst().orElse("") + ")";
            }
        } else if (!exists) {
            why = "it does not exist";
        }
        if (why == null) {
            System.out.println("[DatabaseSetup] kept " + database + " as it is");
            return;
        }
        System.out.println("[DatabaseSetup] generating " + database + " with " + deliveries + " deliveries: " + why);
        recreate(host, port, user, password, database);
        migrate(url, user, password);
        if (deliveries > 0) {
            try (Connection c = DriverManager.getConnection(url, props)) {
                BenchDataset.generate(c, deliveries);
            }
        }
    }

    /** Checks the name and that PostgreSQL listens; returns the JDBC connection properties. */
    private static Properties reachable(String host, int port, String user, String password, String database)
            throws IOException, SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new SQLException("unsafe database name " + database);
        }
        // A quick TCP check first: the JDBC driver's own connect timeout is long when nothing listens.
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
        }
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        return props;
    }

    /** The application's own migrations, as SchemaMigration runs them at deployment. */
    private static void migrate(String url, String user, String password) {
        org.flywaydb.core.Flyway.configure(DatabaseSetup.class.getClassLoader())
                .dataSource(url, user, password)
                .locations("classpath:db/migration/postgresql")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    private static void fail(String message) {
        System.err.println("[DatabaseSetup] " + message);
        System.exit(1);
    }

    private DatabaseSetup() {
    }
}
