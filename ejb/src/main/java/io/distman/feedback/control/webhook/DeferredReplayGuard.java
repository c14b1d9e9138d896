package io.distman.feedback.control.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Notes the tokens a request spends instead of checking them at once: the application claims them
 * in the transaction that stores the request's events (together with other requests', in one
 * statement), and answers a replay with 401 only then. So a token is spent exactly when its events are.
 */
public final class DeferredReplayGuard implements ReplayGuard {

    private final List<TokenClaim> claims = new ArrayList<>();

    @Override
    public boolean claim(String token, Instant keepUntil) {
        claims.add(new TokenClaim(token, keepUntil));
        return true;
    }

    public List<TokenClaim> claims() {
        return List.copyOf(claims);
    }
}
