package io.distman.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date when the application is deployed, before any bean touches a table.
 * Every other startup bean declares {@code @DependsOn("SchemaMigration")}. The persistence unit does
 * not generate DDL: Flyway owns the schema on PostgreSQL and on the embedded Derby alike, with one
 * migration folder per vendor ({@code db/migration/postgresql}, {@code db/migration/derby}).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll // runs at deployment, before anyone calls
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/distman")
    DataSource dataSource;

    private String databaseVendor;

    @PostConstruct
    void migrate() {
        // One migration folder per database; Flyway's {vendor} placeholder did not resolve inside GlassFish.
        try (Connection connection = dataSource.getConnection()) {
            databaseVendor = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach jdbc/distman to migrate the schema", e);
        }
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + (isPostgreSql() ? "postgresql" : "derby"))
                .failOnMissingLocations(true)
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Schema of " + result.database + " at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /** PostgreSQL gets the native SKIP LOCKED claim; other databases the portable one. */
    public boolean isPostgreSql() {
        return "PostgreSQL".equalsIgnoreCase(databaseVendor);
    }

    /** The database product the schema was migrated on, as its JDBC driver names it (PostgreSQL, Apache Derby). */
    public String databaseVendor() {
        return databaseVendor;
    }
}
