package io.distman.suppression.boundary;

import io.distman.account.boundary.Callers;
import io.distman.message.boundary.AddressCheck;
import io.distman.message.entity.Category;
import io.distman.platform.entity.NotFoundException;
import io.distman.suppression.entity.Suppression;
import io.distman.suppression.entity.SuppressionAudit.Kind;
import io.distman.suppression.entity.SuppressionAudit;
import io.distman.suppression.entity.SuppressionAuditRow;
import io.distman.suppression.entity.SuppressionFilter;
import io.distman.suppression.entity.SuppressionRefusedException;
import io.distman.suppression.entity.SuppressionRow;
import io.distman.suppression.entity.SuppressionSort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The suppression list as support staff keep it: search it, see why an address is on it, add an address
 * by hand, take one off. Every method works on one account, given first, which the signed-in support user
 * must be able to act for (their own or one granted to them), and every query filters by it: an id of another
 * account is "not found". Manual additions and removals are audited in the same transaction as the change,
 * with the note they must give and who, as the container authenticated them.
 */
@Stateless
@RolesAllowed("support") // the support screen /app/support/suppressions.xhtml; agents see suppressions on the View dialog
public class SuppressionAdmin {

    /** The reason of entries added by hand. */
    public static final String MANUAL = "MANUAL";
    static final int MAX_NOTE = 1000;
    static final int MAX_PAGE = 500;
    /** "Any expiry" for the search: earlier than any entry can expire. */
    private static final Instant FAR_PAST = Instant.parse("1900-01-01T00:00:00Z");

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Callers callers;

    public List<SuppressionRow> page(long accountId, SuppressionFilter filter, int first, int pageSize, SuppressionSort sort) {
        callers.forAccount(accountId);
        Instant now = clock.instant();
        TypedQuery<Suppression> query = em.createNamedQuery((sort == null ? SuppressionSort.NEWEST : sort).query(),
                Suppression.class);
        return search(query, accountId, filter, now)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(pageSize, MAX_PAGE)))
                .getResultStream().map(s -> SuppressionRow.of(s, now)).toList();
    }

    public long count(long accountId, SuppressionFilter filter) {
        callers.forAccount(accountId);
        return search(em.createNamedQuery(Suppression.SEARCH_COUNT, Long.class), accountId, filter, clock.instant())
                .getSingleResult();
    }

    private static <T> TypedQuery<T> search(TypedQuery<T> query, long accountId, SuppressionFilter filter, Instant now) {
        SuppressionFilter f = filter == null ? SuppressionFilter.ALL : filter;
        return query.setParameter("accountId", accountId)
                .setParameter("address", "%" + likeEscaped(blankToEmpty(f.addressPart()).toLowerCase(Locale.ROOT)) + "%")
                .setParameter("reason", blankToEmpty(f.reason()).isEmpty() ? "%" : likeEscaped(f.reason().strip()))
                .setParameter("activeAfter", f.activeOnly() ? now : FAR_PAST);
    }

    /**
     * Suppresses an address by hand.
     * @param category the only category to stop (BULK for "no newsletters"), null for every category
     * @param expires when the entry stops applying, null for never
     * @throws SuppressionRefusedException for an invalid address, a missing note, an expiry in the past,
     *         or an address that is already suppressed
     */
    public SuppressionRow add(long accountId, String address, Category category, Instant expires, String note) {
        String username = callers.forAccount(accountId).actor();
        Instant now = clock.instant();
        String why = requiredNote(note);
        if (address == null || address.isBlank()) {
            throw new SuppressionRefusedException("Enter the address to suppress.");
        }
        String normalised = AddressCheck.normalise(address);
        String problem = AddressCheck.problemWith(normalised);
        if (problem != null) {
            throw new SuppressionRefusedException(normalised + ": " + problem);
        }
        if (expires != null && !expires.isAfter(now)) {
            throw new SuppressionRefusedException("The expiry must be in the future.");
        }
        Suppression existing = em.createNamedQuery(Suppression.OF_ADDRESS, Suppression.class)
                .setParameter("accountId", accountId).setParameter("address", normalised.toLowerCase(Locale.ROOT))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        Suppression entry;
        if (existing == null) {
            entry = new Suppression(accountId, normalised, MANUAL, why, null, now, expires);
            entry.limitTo(category);
            em.persist(entry);
        } else if (existing.isActiveAt(now)) {
            throw new SuppressionRefusedException(existing.getAddress() + " is already suppressed ("
                    + existing.getReason() + " since " + day(existing.getCreatedAt()) + ").");
        } else {
            // An expired entry no longer stops mail but still holds the address's one row: it is replaced.
            entry = existing;
            entry.renew(MANUAL, why, null, now, expires, category);
        }
        entry.addedBy(username);
        em.persist(new SuppressionAudit(entry, Kind.ADDED, why, username, now));
        try {
            em.flush();
        } catch (PersistenceException e) {
            // Another user added the same address at the same moment (the unique constraint caught it).
            throw new SuppressionRefusedException(normalised + " is already suppressed.");
        }
        return SuppressionRow.of(entry, now);
    }

    /**
     * Takes an entry off the list: it is deleted, and the audit keeps what it was.
     * @throws NotFoundException when the account has no such entry (also when another account has it)
     * @throws SuppressionRefusedException without a note
     */
    public SuppressionAuditRow remove(long accountId, long suppressionId, String note) {
        String username = callers.forAccount(accountId).actor();
        String why = requiredNote(note);
        Suppression entry = em.find(Suppression.class, suppressionId, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null || entry.getAccountId() != accountId) {
            throw new NotFoundException("no suppression " + suppressionId);
        }
        SuppressionAudit audit = new SuppressionAudit(entry, Kind.REMOVED, why, username, clock.instant());
        em.persist(audit);
        em.remove(entry);
        em.flush();
        return SuppressionAuditRow.of(audit);
    }

    /** Manual additions and removals, newest first. */
    public List<SuppressionAuditRow> audit(long accountId, int first, int pageSize) {
        callers.forAccount(accountId);
        return em.createNamedQuery(SuppressionAudit.OF_ACCOUNT, SuppressionAudit.class)
                .setParameter("accountId", accountId)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(pageSize, MAX_PAGE)))
                .getResultStream().map(SuppressionAuditRow::of).toList();
    }

    public long auditCount(long accountId) {
        callers.forAccount(accountId);
        return em.createNamedQuery(SuppressionAudit.COUNT_OF_ACCOUNT, Long.class)
                .setParameter("accountId", accountId).getSingleResult();
    }

    private static String requiredNote(String note) {
        if (note == null || note.isBlank()) {
            throw new SuppressionRefusedException("A note is required: say why.");
        }
        String stripped = note.strip();
        if (stripped.length() > MAX_NOTE) {
            throw new SuppressionRefusedException("The note is longer than " + MAX_NOTE + " characters.");
        }
        return stripped;
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    /** Escapes LIKE's wildcards with '!' (the queries' ESCAPE character), so "_" in an address is literal. */
    static String likeEscaped(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String day(Instant at) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(ZoneId.systemDefault()));
    }
}
