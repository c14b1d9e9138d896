package io.distman.audit.boundary;

import io.distman.account.boundary.Callers;
import io.distman.audit.entity.AuditFilter;
import io.distman.audit.entity.AuditRow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Email Audit: every email and recipient of one account, filtered, paged, counted and exported.
 * The screens pass {@code currentUser.accountId()}; every method checks it against the signed-in caller
 * (support staff reach the accounts granted to them), and every query filters by it.
 */
@Stateless
@RolesAllowed("agent") // the Email Audit, History and home screens, and their exports: any signed-in staff
public class EmailAudit {

    @Inject
    AuditQueries queries;

    @Inject
    Callers callers;

    /** One page of rows in the filter's order. */
    public List<AuditRow> page(long accountId, AuditFilter filter, int first, int size) {
        callers.forAccount(accountId);
        return queries.page(accountId, filter, first, size);
    }

    /** The exact number of rows of the filter. */
    public long count(long accountId, AuditFilter filter) {
        callers.forAccount(accountId);
        return queries.count(accountId, filter);
    }

    /**
     * Hands every row of the filter to {@code sink}, batch by batch, for an export. Outside a transaction:
     * the reads need none, and a slow client downloading 100,000 rows must not hit the transaction timeout.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void stream(long accountId, AuditFilter filter, Consumer<AuditRow> sink) {
        callers.forAccount(accountId);
        queries.stream(accountId, filter, sink);
    }
}
