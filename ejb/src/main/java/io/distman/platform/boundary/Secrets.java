package io.distman.platform.boundary;

import io.distman.platform.entity.KeyVersion;
import io.distman.platform.entity.SigningKey;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The installation's signing keys (link tokens, delivery tokens), versioned: the newest version signs, an
 * older one still verifies for {@value #OLD_KEY_VALIDITY} (default 90 days) after the next was made, so a
 * key can be replaced ({@link #rotate}) while links in mail already sent keep working for that long.
 * Stored sealed with the installation key; the first version is made on first use in a transaction of its
 * own (if two servers race, the primary key lets one win).
 *
 * <p>The versions of a key are remembered for {@code distman.secrets.signingKeyCache} (default a minute):
 * a rotation on another server is seen within that time (tokens of an unknown version reload at once).
 */
@Singleton
@Startup // made at deployment, not on first use during an undeploy (see DispatchJobs)
@DependsOn({"SchemaMigration", "SecretSealing"}) // the rows are sealed before they are read
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the maps are concurrent; no container lock per call
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
@PermitAll // the application's own signing keys, read by its own code (timers, links) without a caller identity
public class Secrets {

    /** How long a retired key still verifies, ISO-8601 ({@code P90D}). */
    public static final String OLD_KEY_VALIDITY = "distman.links.oldKeyValidity";
    static final Duration DEFAULT_OLD_KEY_VALIDITY = Duration.ofDays(90);

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Versions(List<SigningKey> rows, Instant loadedAt) {

        SigningKey newest() {
            return rows.get(rows.size() - 1);
        }

        Optional<SigningKey> version(int version) {
            return rows.stream().filter(r -> r.getVersion() == version).findFirst();
        }
    }

    private final Map<String, Versions> versions = new ConcurrentHashMap<>();
    private final Map<SigningKey.Key, byte[]> opened = new ConcurrentHashMap<>();
    private final Object creatingFirst = new Object();

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    SecretBox box;

    @Inject
    Clock clock;

    /** The version that signs now. */
    public KeyVersion current(String name) {
        return opened(versions(name, false).newest());
    }

    /**
     * The key of {@code version} if tokens signed with it are still good now: the current one, or one
     * retired less than {@value #OLD_KEY_VALIDITY} ago. Empty for an unknown or expired version.
     */
    public Optional<KeyVersion> verifying(String name, int version) {
        Optional<SigningKey> row = versions(name, false).version(version);
        if (row.isEmpty()) {
            row = versions(name, true).version(version); // made on another server a moment ago?
        }
        Instant now = clock.instant();
        Duration validity = Settings.duration(OLD_KEY_VALIDITY, DEFAULT_OLD_KEY_VALIDITY);
        return row.filter(r -> stillVerifies(r.getRetiredAt(), now, validity)).map(this::opened);
    }

    /** A retired key verifies until its validity after retirement has passed. */
    static boolean stillVerifies(Instant retiredAt, Instant now, Duration validity) {
        return retiredAt == null || now.isBefore(retiredAt.plus(validity));
    }

    /**
     * Makes a new version current; the one before is retired now and verifies for its validity. Two
     * rotations at once make the same next version: the primary key lets one win, the other fails.
     * @return the new version
     */
    public KeyVersion rotate(String name) {
        List<SigningKey> rows = em.createNamedQuery(SigningKey.VERSIONS, SigningKey.class).setParameter("name", name)
                .getResultList();
        int next = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).getVersion() + 1;
        if (next > KeyVersion.MAX) {
            throw new IllegalStateException("signing key " + name + " has had " + KeyVersion.MAX
                    + " versions; tokens cannot name more");
        }
        Instant now = clock.instant();
        rows.forEach(r -> r.retire(now));
        SigningKey made = create(name, next, now);
        versions.remove(name);
        return opened(made);
    }

    private Versions versions(String name, boolean reload) {
        Instant now = clock.instant();
        Versions known = versions.get(name);
        if (!reload && known != null && now.isBefore(known.loadedAt()
                .plus(Settings.duration("distman.secrets.signingKeyCache", Duration.ofMinutes(1))))) {
            return known;
        }
        List<SigningKey> rows = em.createNamedQuery(SigningKey.VERSIONS, SigningKey.class).setParameter("name", name)
                .getResultList();
        if (rows.isEmpty()) {
            rows = firstVersion(name);
        }
        rows.forEach(em::detach);
        Versions loaded = new Versions(List.copyOf(rows), now);
        versions.put(name, loaded);
        return loaded;
    }

    /**
     * Makes version 0 in a transaction of its own, one thread of this server at a time, and reads what is there
     * after: a fresh installation's first dispatch asks for the key from several partitions at once, and the
     * loser of that race (or of one with another server) must find the winner's key, not fail its whole block
     * on the primary key.
     */
    private List<SigningKey> firstVersion(String name) {
        synchronized (creatingFirst) {
            try {
                context.getBusinessObject(Secrets.class).createFirstVersion(name);
            } catch (EJBException | PersistenceException madeElsewhere) {
                // another server made it a moment ago: its row is read below
            }
        }
        List<SigningKey> rows = em.createNamedQuery(SigningKey.VERSIONS, SigningKey.class).setParameter("name", name)
                .getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("signing key " + name + " could not be made");
        }
        return rows;
    }

    /** Version 0 of the key unless it exists; for {@link #firstVersion} only (public for its own transaction). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createFirstVersion(String name) {
        if (em.createNamedQuery(SigningKey.VERSIONS, SigningKey.class).setParameter("name", name).getResultList().isEmpty()) {
            create(name, 0, clock.instant());
        }
    }

    private SigningKey create(String name, int version, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        SigningKey key = new SigningKey(name, version,
                box.seal(Base64.getEncoder().encodeToString(bytes), SigningKey.purpose(name, version)), now);
        em.persist(key);
        em.flush();
        opened.put(new SigningKey.Key(name, version), bytes);
        return key;
    }

    private KeyVersion opened(SigningKey row) {
        byte[] bytes = opened.computeIfAbsent(new SigningKey.Key(row.getName(), row.getVersion()),
                k -> Base64.getDecoder().decode(box.open(row.getSecret(), row.purpose())));
        return new KeyVersion(row.getVersion(), bytes);
    }
}
