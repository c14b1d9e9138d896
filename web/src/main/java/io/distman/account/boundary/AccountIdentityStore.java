package io.distman.account.boundary;

import io.distman.account.entity.SignInResult;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * The users of {@code app_user} for Jakarta Security, in place of the standard database identity store: the
 * same PBKDF2 hashes and groups (the user's role: AGENT, ADMIN, SUPPORT), checked by {@link SignIns}, which
 * throttles failures per username and client address and takes the same time for unknown usernames. Being an
 * identity store, it holds for every authentication mechanism, not only the login form. What it decided is
 * left in {@link SignInOutcome} for the login page.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @EJB
    SignIns signIns;

    @Inject
    Instance<HttpServletRequest> request;

    @Inject
    SignInOutcome outcome;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        SignInResult result = signIns.signIn(login.getCaller(), login.getPassword().getValue(), clientAddress());
        outcome.set(result);
        return result.signedIn() ? new CredentialValidationResult(result.username(), Set.of(result.role().name()))
                : CredentialValidationResult.INVALID_RESULT;
    }

    /** The peer's address; a proxy in front would make all users one address (see README: Sign-in). */
    private String clientAddress() {
        try {
            return request.get().getRemoteAddr();
        } catch (RuntimeException noRequest) {
            return null; // outside an HTTP request: counted per username only
        }
    }
}
