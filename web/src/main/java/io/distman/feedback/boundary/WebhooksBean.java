package io.distman.feedback.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.feedback.entity.WebhookSetup;
import io.distman.platform.boundary.AdminScreens;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The admin's Webhooks screen: per provider the URL to paste into the provider's console and the account's own
 * credential, write-only (shown as set or not, and when).
 */
@Named("webhooks")
@ViewScoped
public class WebhooksBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    WebhookAdmin admin;

    @Inject
    CurrentUser currentUser;

    private List<WebhookSetup> rows;
    private String base;
    private String mailgunKey;
    private String sendGridKey;
    private String postmarkUser;
    private String postmarkPassword;
    private String sesTopics;

    @PostConstruct
    void load() {
        rows = admin.webhooks(currentUser.accountId());
        base = AdminScreens.publicUrl();
        mailgunKey = null;
        sendGridKey = null;
        postmarkPassword = null;
    }

    /** The provider's row (the page has one panel per provider). */
    public WebhookSetup row(String provider) {
        return rows.stream().filter(r -> r.provider().equals(provider)).findFirst().orElseThrow();
    }

    /** The absolute URL for the provider's console; Postmark's carries the basic-auth login in it. */
    public String url(WebhookSetup setup) {
        String url = base + "/" + setup.path();
        if (setup.provider().equals("postmark") && setup.username() != null) {
            int scheme = url.indexOf("://") + 3;
            return url.substring(0, scheme) + setup.username() + ":<password>@" + url.substring(scheme);
        }
        return url;
    }

    public String state(WebhookSetup setup) {
        return setup.hasOwnCredential() ? "own credential set on " + AdminScreens.when(setup.setAt())
                + (setup.username() == null ? "" : " (user " + setup.username() + ")")
                : "not set: the installation's credentials apply";
    }

    /** The Save button of the provider's panel. */
    public void save(String provider) {
        switch (provider) {
            case "mailgun" -> saveMailgun();
            case "sendgrid" -> saveSendGrid();
            case "postmark" -> savePostmark();
            case "amazon-ses" -> saveSes();
            default -> AdminScreens.error("Unknown provider", provider);
        }
    }

    private void saveMailgun() {
        AdminScreens.attempt("Mailgun signing key saved", () -> {
            admin.setMailgunKey(currentUser.accountId(), mailgunKey);
            return "Mailgun's webhooks to the URL shown are verified with it.";
        });
        load();
    }

    private void saveSendGrid() {
        AdminScreens.attempt("SendGrid verification key saved", () -> {
            admin.setSendGridKey(currentUser.accountId(), sendGridKey);
            return "SendGrid's signed events to the URL shown are verified with it.";
        });
        load();
    }

    private void savePostmark() {
        AdminScreens.attempt("Postmark login saved", () -> {
            admin.setPostmarkLogin(currentUser.accountId(), postmarkUser, postmarkPassword);
            return "Put the same user and password into the URL in Postmark's console.";
        });
        load();
    }

    private void saveSes() {
        AdminScreens.attempt("SES topics saved", () -> {
            admin.setSesTopics(currentUser.accountId(), sesTopics == null ? List.of() : Arrays.asList(sesTopics.split("[\\s,]+")));
            return "Notifications from these SNS topics are accepted.";
        });
        load();
    }

    public void remove(String provider) {
        AdminScreens.attempt("Removed", () -> {
            admin.remove(currentUser.accountId(), provider);
            return provider + " webhooks are verified with the installation's credentials again.";
        });
        load();
    }

    public List<WebhookSetup> getRows() { return rows; }
    public String getMailgunKey() { return null; }
    public void setMailgunKey(String mailgunKey) { this.mailgunKey = mailgunKey; }
    public String getSendGridKey() { return null; }
    public void setSendGridKey(String sendGridKey) { this.sendGridKey = sendGridKey; }
    public String getPostmarkUser() { return postmarkUser; }
    public void setPostmarkUser(String postmarkUser) { this.postmarkUser = postmarkUser; }
    public String getPostmarkPassword() { return null; }
    public void setPostmarkPassword(String postmarkPassword) { this.postmarkPassword = postmarkPassword; }
    public String getSesTopics() { return sesTopics; }
    public void setSesTopics(String sesTopics) { this.sesTopics = sesTopics; }
}
