package io.distman.dispatch.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.account.entity.MailgunRegion;
import io.distman.account.entity.MailgunView;
import io.distman.account.entity.RelaySecurity;
import io.distman.account.entity.RelaySettings;
import io.distman.account.entity.RelayView;
import io.distman.dispatch.entity.RelayTestResult;
import io.distman.dispatch.entity.TransportMode;
import io.distman.dispatch.entity.TransportView;
import io.distman.platform.boundary.AdminScreens;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The admin's Transport screen: the installation's mail session, the account's own SMTP relay, or Mailgun.
 * Secrets are write-only: the form never holds the stored password or key, it shows when they were set, and
 * an empty password keeps the stored one.
 */
@Named("transport")
@ViewScoped
public class TransportBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TransportAdmin admin;

    @Inject
    CurrentUser currentUser;

    private TransportMode mode;
    private TransportMode savedMode;
    private String host;
    private Integer port = 587;
    private RelaySecurity security = RelaySecurity.STARTTLS;
    private String username;
    private String password;
    private String passwordSetAt;
    private String apiKey;
    private String mailgunDomain;
    private MailgunRegion region = MailgunRegion.US;
    private String baseUrl;
    private String apiKeySetAt;
    private RelayTestResult testResult;

    @PostConstruct
    void load() {
        show(admin.transport(currentUser.accountId()));
    }

    private void show(TransportView view) {
        mode = view.mode();
        savedMode = view.mode();
        RelayView relay = view.relay();
        if (relay != null) {
            host = relay.host();
            port = relay.port();
            security = relay.security();
            username = relay.username();
            passwordSetAt = relay.passwordSetAt() == null ? null : AdminScreens.when(relay.passwordSetAt());
        }
        MailgunView mailgun = view.mailgun();
        if (mailgun != null) {
            mailgunDomain = mailgun.domain();
            region = mailgun.region();
            baseUrl = mailgun.baseUrl();
            apiKeySetAt = AdminScreens.when(mailgun.apiKeySetAt());
        }
        password = null;
        apiKey = null;
    }

    public void save() {
        long account = currentUser.accountId();
        AdminScreens.attempt("Transport saved", () -> {
            TransportView saved = switch (mode) {
                case INSTALLATION -> admin.useInstallationMailSession(account);
                case RELAY -> admin.useSmtpRelay(account, form());
                case MAILGUN -> admin.useMailgun(account, blankToNull(apiKey), mailgunDomain, region, blankToNull(baseUrl));
            };
            show(saved);
            return switch (saved.mode()) {
                case INSTALLATION -> "Mail leaves through the installation's mail session.";
                case RELAY -> "Mail leaves through " + saved.relay().host() + ":" + saved.relay().port() + ".";
                case MAILGUN -> "Mail leaves through Mailgun (" + saved.mailgun().domain() + ").";
            };
        });
    }

    /** Tests the relay as the form shows it, saved or not; an empty password uses the stored one. */
    public void test() {
        testResult = null;
        if (mode != TransportMode.RELAY) {
            AdminScreens.info("Nothing to test", mode == TransportMode.MAILGUN
                    ? "Mailgun has no connection test here: the first message sent shows whether the API key and domain are right."
                    : "The installation's mail session is tested by the installation's operator.");
            return;
        }
        try {
            testResult = admin.testRelay(currentUser.accountId(), form());
        } catch (RuntimeException e) {
            AdminScreens.error("Cannot test", e.getMessage());
        }
    }

    private RelaySettings form() {
        return new RelaySettings(host, port, security, blankToNull(username), blankToNull(password));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** "Connected: ..." or "Failed at TLS: ...", null before a test. */
    public String getTestOutcome() {
        if (testResult == null) {
            return null;
        }
        return testResult.ok() ? "Connection OK: " + testResult.message()
                : "Failed at " + testResult.failedAt() + ": " + testResult.message();
    }

    public boolean isTestOk() { return testResult != null && testResult.ok(); }
    public TransportMode[] getModes() { return TransportMode.values(); }
    public RelaySecurity[] getSecurities() { return RelaySecurity.values(); }
    public MailgunRegion[] getRegions() { return MailgunRegion.values(); }
    public TransportMode getSavedMode() { return savedMode; }
    public TransportMode getMode() { return mode; }
    public void setMode(TransportMode mode) { this.mode = mode; }
    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public Integer getPort() { return port; }
    public void setPort(Integer port) { this.port = port; }
    public RelaySecurity getSecurity() { return security; }
    public void setSecurity(RelaySecurity security) { this.security = security; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return null; }
    public void setPassword(String password) { this.password = password; }
    public String getPasswordSetAt() { return passwordSetAt; }
    public String getApiKey() { return null; }
    public void setApiKey(String apiKey) { this.apiKey = apiKey; }
    public String getMailgunDomain() { return mailgunDomain; }
    public void setMailgunDomain(String mailgunDomain) { this.mailgunDomain = mailgunDomain; }
    public MailgunRegion getRegion() { return region; }
    public void setRegion(MailgunRegion region) { this.region = region; }
    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public String getApiKeySetAt() { return apiKeySetAt; }
}
