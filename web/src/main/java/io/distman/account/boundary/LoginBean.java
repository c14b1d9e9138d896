package io.distman.account.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The login form: hands the credentials to Jakarta Security and goes where the user was headed. */
@Named
@RequestScoped
public class LoginBean {

    /** Where a user lands who opened the login page directly. */
    static final String HOME = "/app/index.xhtml";
    /** An installation operator's: they work on no account's mail, so the account screens are not theirs. */
    static final String OPERATOR_HOME = "/app/operator/accounts.xhtml";

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    SignInOutcome outcome;

    @Inject
    Clock clock;

    private String username;
    private String password;

    public void login() throws IOException {
        ExternalContext context = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate((HttpServletRequest) context.getRequest(),
                (HttpServletResponse) context.getResponse(), AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username == null ? "" : username.strip(), password == null ? "" : password))
                        .newAuthentication(true));
        switch (status) {
            // The mechanism redirects to the page that asked for the login.
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> context.redirect(context.getRequestContextPath() + home());
            default -> {
                // A fresh session for the next attempt: Soteria keeps state of the failed attempt in the
                // session, after which a protected page answered a blank 401 instead of the login page.
                context.invalidateSession();
                context.redirect(context.getRequestContextPath() + "/login.xhtml" + (outcome.accountSuspended() ? "?suspended=true"
                        : outcome.lockedUntil().map(until -> "?locked=" + minutesUntil(until)).orElse("?failed=true")));
            }
        }
    }

    /** Whole minutes, rounded up: "try again in 1 minute" also for a lock of a few seconds. */
    private long minutesUntil(Instant until) {
        long seconds = Math.max(0, Duration.between(clock.instant(), until).toSeconds());
        return Math.max(1, (seconds + 59) / 60);
    }

    /** A signed-in user who opens the login page goes straight on. */
    public void skipWhenSignedIn() throws IOException {
        if (security.getCallerPrincipal() != null) {
            ExternalContext context = faces.getExternalContext();
            context.redirect(context.getRequestContextPath() + home());
        }
    }

    private String home() {
        return security.isCallerInRole("operator") ? OPERATOR_HOME : HOME;
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
