package io.distman.platform.boundary;

import io.distman.platform.entity.SealingCount;
import io.distman.platform.entity.SecretBoxException;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The tables of secrets a feature stores sealed (Mailgun keys, webhook keys, relay passwords, DKIM keys, the
 * signing keys): a feature extends this with an {@code @ApplicationScoped} bean, and {@link SecretSealing}
 * finds every one and asks it, at start and every hour, to seal what is still plaintext (stored before
 * sealing existed) and to move what was sealed with an older installation key to the newest.
 */
@Transactional(Transactional.TxType.REQUIRES_NEW) // each feature's tables in a transaction of their own
public abstract class SealedSecrets {

    private static final Logger LOG = Logger.getLogger(SealedSecrets.class.getName());

    @PersistenceContext(unitName = "distman")
    protected EntityManager em;

    @EJB
    protected SecretBox box;

    /** One count per table; a row that fails is counted and logged, the others go on. */
    public abstract List<SealingCount> sealAll();

    /**
     * The one pass over a table's rows: plaintext (a row stored before sealing existed; no plaintext secret
     * of ours has the {@code v1:id:} form) is sealed, a value sealed with an older key is sealed again with
     * the newest, and a row that cannot be opened is logged by its description (never its value) and left.
     *
     * @param secret   reads a row's stored value (null: nothing stored, skipped)
     * @param store    writes the new sealed value into the row
     * @param purpose  the purpose the row's secret is sealed for
     * @param describe names the row in a log line (table and id, never the value)
     */
    protected <T> SealingCount pass(String table, List<T> rows, Function<T, String> secret, BiConsumer<T, String> store,
                                    Function<T, String> purpose, Function<T, String> describe) {
        int sealed = 0;
        int moved = 0;
        int failed = 0;
        int current = 0;
        for (T row : rows) {
            String value = secret.apply(row);
            if (value == null) {
                continue;
            }
            try {
                if (!SecretBox.isSealed(value)) {
                    store.accept(row, box.seal(value, purpose.apply(row)));
                    sealed++;
                } else if (box.sealedWithOlderKey(value)) {
                    store.accept(row, box.reseal(value, purpose.apply(row)));
                    moved++;
                } else {
                    current++;
                }
            } catch (SecretBoxException e) {
                LOG.severe("The stored secret of " + describe.apply(row) + " cannot be sealed: " + e.getMessage());
                failed++;
            }
        }
        return new SealingCount(table, sealed, moved, failed, current);
    }
}
