package io.distman.account.boundary;

import io.distman.account.entity.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Account code to id, remembered: every submission names its account by code, and the pairing never
 * changes (accounts are not renamed or deleted), so one query per account and server is enough.
 * Unknown codes are not remembered, so an account created later is found at once.
 */
@ApplicationScoped
public class AccountIds {

    private final ConcurrentMap<String, Long> ids = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    public Optional<Long> idOf(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Long known = ids.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Long> found = em.createNamedQuery(Account.BY_CODE, Account.class).setParameter("code", code)
                .getResultStream().findFirst().map(Account::getId);
        found.ifPresent(id -> ids.put(code, id));
        return found;
    }
}
