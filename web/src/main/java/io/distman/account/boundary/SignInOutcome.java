package io.distman.account.boundary;

import io.distman.account.entity.SignInResult;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.Optional;

/** What the identity store decided on this request's sign-in, for the login page to explain a refusal. */
@RequestScoped
public class SignInOutcome {

    private SignInResult result;

    void set(SignInResult result) {
        this.result = result;
    }

    /** @return until when sign-ins are paused, if the refusal was a lock */
    public Optional<Instant> lockedUntil() {
        return result == null || result.outcome() != SignInResult.Outcome.LOCKED ? Optional.empty()
                : Optional.of(result.lockedUntil());
    }

    /** @return whether the refusal was the right password of a user whose agency's account is suspended */
    public boolean accountSuspended() {
        return result != null && result.outcome() == SignInResult.Outcome.SUSPENDED;
    }
}
