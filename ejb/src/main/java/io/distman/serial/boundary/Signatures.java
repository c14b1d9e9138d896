package io.distman.serial.boundary;

import io.distman.account.boundary.Callers;
import io.distman.account.entity.Caller;
import io.distman.identity.boundary.IdentityAdmin;
import io.distman.identity.entity.IdentityView;
import io.distman.serial.control.SignatureChoice;
import io.distman.serial.control.SignatureCleaner;
import io.distman.serial.entity.MailSignature;
import io.distman.serial.entity.SerialRefusedException;
import io.distman.serial.entity.SignatureInput;
import io.distman.serial.entity.SignatureOwner;
import io.distman.serial.entity.SignatureView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/**
 * Signatures of serial mail: each user keeps their own; an account's admins keep one per sender identity, which
 * mail From that identity carries when its writer has none of their own ({@code SignatureChoice}). HTML is cleaned
 * on save (jsoup safelist), so the merge may insert it as it is. Rows are the account's; the user's own is theirs.
 */
@Stateless
@RolesAllowed("agent") // signed-in staff keep their own; identities' signatures: admin, below
public class Signatures {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    Callers callers;

    @EJB
    IdentityAdmin identities;

    @Inject
    SignatureChoice choice;

    @Inject
    Clock clock;

    /** The caller's own signature in the account, if they wrote one. */
    @RolesAllowed("agent")
    public Optional<SignatureView> mine(long accountId) {
        Caller caller = callers.forAccount(accountId);
        return choice.stored(accountId, SignatureOwner.USER, caller.principal()).map(MailSignature::view);
    }

    /** Stores the caller's own signature; blank HTML and text remove it. @return the stored form, or empty */
    @RolesAllowed("agent")
    public Optional<SignatureView> saveMine(long accountId, SignatureInput input) {
        Caller caller = callers.forAccount(accountId);
        return save(accountId, SignatureOwner.USER, caller.principal(), input, caller);
    }

    /** A sender identity's signature (its value: the domain or address as the identity names it). */
    @RolesAllowed("admin")
    public Optional<SignatureView> ofIdentity(long accountId, String identity) {
        callers.forAccount(accountId);
        return choice.stored(accountId, SignatureOwner.IDENTITY, identityOf(accountId, identity)).map(MailSignature::view);
    }

    @RolesAllowed("admin")
    public Optional<SignatureView> saveForIdentity(long accountId, String identity, SignatureInput input) {
        Caller caller = callers.forAccount(accountId);
        return save(accountId, SignatureOwner.IDENTITY, identityOf(accountId, identity), input, caller);
    }

    private Optional<SignatureView> save(long accountId, SignatureOwner kind, String owner, SignatureInput input, Caller caller) {
        String[] clean = SignatureCleaner.clean(input);
        Optional<MailSignature> stored = choice.stored(accountId, kind, owner);
        if (clean == null) {
            stored.ifPresent(em::remove);
            return Optional.empty();
        }
        MailSignature signature = stored.orElseGet(() -> new MailSignature(accountId, kind, owner));
        String by = caller.actorWithin(100);
        signature.change(clean[0], clean[1], by, clock.instant());
        if (stored.isEmpty()) {
            em.persist(signature);
        }
        em.flush();
        return Optional.of(signature.view());
    }

    /** The identity's value as the account's identity list spells it; another account's is refused as unknown. */
    private String identityOf(long accountId, String identity) {
        String wanted = identity == null ? "" : identity.strip();
        return identities.list(accountId).stream().map(IdentityView::value).filter(v -> v.equalsIgnoreCase(wanted))
                .findFirst().orElseThrow(() -> new SerialRefusedException("identity", "is not a sender identity of this account"));
    }
}
