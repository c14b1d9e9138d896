package io.distman.platform.boundary;

import io.distman.platform.entity.SealingCount;
import io.distman.platform.entity.SecretBoxException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps every stored secret sealed with the newest installation key. A Flyway migration cannot seal (it
 * has no key), so rows stored before sealing existed are sealed here, when the application starts, before
 * anything reads them (readers refuse plaintext, so a row planted in the database is never trusted).
 * After a new key is appended to the key file, the hourly pass moves every secret to it; its log line
 * names the key all secrets are on, after which older keys can be removed from the file.
 *
 * <p>A row that fails (its key removed too early) is logged and left alone; it never stops the deployment.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each table's pass has a transaction of its own
@PermitAll // runs at deployment (and as a rotation step of the installation), before anyone calls
public class SecretSealing {

    private static final Logger LOG = Logger.getLogger(SecretSealing.class.getName());

    @Inject
    @Any
    Instance<SealedSecrets> tables;

    @EJB
    SecretBox box;

    @EJB
    ScheduleLeases leases;

    @PostConstruct
    void atStart() {
        run();
    }

    /** Every server ticks; one per installation seals (the rows are shared, one pass is enough). */
    @Schedule(hour = "*", minute = "17", persistent = false)
    void hourly() {
        try {
            leases.once("secret sealing", Duration.ofMinutes(30), Duration.ofMinutes(30), this::run);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The hourly sealing of stored secrets could not start", e);
        }
    }

    /** One pass over every table of sealed secrets (each feature's {@link SealedSecrets}); logged and returned. */
    public List<SealingCount> run() {
        List<SealingCount> counts = new ArrayList<>();
        for (SealedSecrets table : tables) {
            try {
                counts.addAll(table.sealAll());
            } catch (SecretBoxException e) {
                LOG.severe("Stored secrets cannot be sealed: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Sealing stored secrets failed", e);
            }
        }
        if (counts.stream().anyMatch(c -> c.changed() || c.failed() > 0)) {
            boolean allCurrent = counts.stream().allMatch(c -> c.failed() == 0);
            LOG.info(() -> "Stored secrets: " + counts + (allCurrent
                    ? "; all are sealed with installation key '" + box.newestKeyId() + "' now" : ""));
        }
        return counts;
    }
}
