package io.distman.demo;

import io.distman.account.boundary.AccountService;
import io.distman.account.entity.Account;
import io.distman.audit.boundary.AuditParameters;
import io.distman.demo.DemoBackOffice.Tenant;
import io.distman.feedback.boundary.WebhookSettings;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * Gives the demo a "yesterday" for the workbench widget: a few letters of each agency are dated back to
 * yesterday (a demo installation has no past), and then fail, are complained about or unsubscribed from
 * through the real path, Postmark webhooks into the one status method; a mistyped address is rejected at
 * submission as always. The widget is switched on as if the agencies' admins had done it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoYesterday {

    @EJB
    DemoBackOffice backOffice;

    @EJB
    AccountService accounts;

    @EJB
    WebhookSettings webhookSettings;

    @EJB
    DemoPostmark postmark;

    @Resource(lookup = "jdbc/distman")
    DataSource database;

    private enum Outcome { FAILED, COMPLAINED, UNSUBSCRIBED, REJECTED }

    public void seed(Account account, String agency, String sender, String agent, String admin, int firstDemand) {
        webhookSettings.setPostmarkWebhookLogin(account.getId(), DemoPostmark.WEBHOOK_LOGIN, DemoPostmark.WEBHOOK_LOGIN);
        LocalDate yesterday = LocalDate.now(AuditParameters.zone()).minusDays(1);
        Instant morning = yesterday.atTime(9, 30).atZone(AuditParameters.zone()).toInstant();
        Outcome[] outcomes = {Outcome.FAILED, Outcome.FAILED, Outcome.FAILED, Outcome.COMPLAINED, Outcome.UNSUBSCRIBED,
                Outcome.UNSUBSCRIBED, Outcome.REJECTED, null, null};
        for (int i = 0; i < outcomes.length; i++) {
            Outcome outcome = outcomes[i];
            String name = "Yesterday Tenant " + (i + 1);
            String email = outcome == Outcome.REJECTED ? "tenant" + (i + 1) + "@@" + account.getCode() + ".example"
                    : "tenant" + (i + 1) + "." + account.getCode() + "@tenant.example";
            long delivery = backOffice.sendDemand(account.getCode(), agency, sender, agent, firstDemand + i,
                    new Tenant(name, email, "Flat " + (i + 1) + ", Yesterday Court"), new BigDecimal("700.00"))
                    .deliveries().get(0).deliveryId();
            Instant raised = morning.plusSeconds(600L * i);
            backdate(delivery, raised);
            if (outcome != null && outcome != Outcome.REJECTED) {
                report(account.getCode(), delivery, email, outcome, raised.plusSeconds(120));
            }
        }
        switchWidgetOn(account.getId(), admin);
    }

    /**
     * Written like the creation times below, not through FailureWidget.enable: that switch is an admin's, made
     * as the signed-in admin (issue 11), and the demo's seeding has nobody signed in. The row says which demo
     * admin it stands for, so the settings screen reads as it would after they had switched it on.
     */
    private void switchWidgetOn(long accountId, String admin) {
        try (Connection c = database.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO workbench_settings"
                     + " (account_id, failure_widget, changed_by, changed_at) VALUES (?, ?, ?, ?)")) {
            s.setLong(1, accountId);
            s.setBoolean(2, true);
            s.setString(3, admin);
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot switch the demo's failure widget on for account " + accountId, e);
        }
    }

    /** The demo's writes outside the services: a creation time in the past, which no service offers (and the widget's switch, above). */
    private void backdate(long deliveryId, Instant at) {
        try (Connection c = database.getConnection();
             PreparedStatement d = c.prepareStatement("UPDATE delivery SET created_at = ? WHERE id = ?");
             PreparedStatement m = c.prepareStatement(
                     "UPDATE message SET created_at = ? WHERE id = (SELECT message_id FROM delivery WHERE id = ?)")) {
            for (PreparedStatement s : new PreparedStatement[] {d, m}) {
                s.setTimestamp(1, Timestamp.from(at));
                s.setLong(2, deliveryId);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot date demo delivery " + deliveryId + " back", e);
        }
    }

    /** A Postmark webhook record, as Postmark would post it to /api/webhooks/postmark/{account}. */
    private void report(String accountCode, long deliveryId, String email, Outcome outcome, Instant at) {
        switch (outcome) {
            case FAILED -> postmark.bounce(accountCode, deliveryId, email, "HardBounce",
                    "smtp;550 5.1.1 The email account that you tried to reach does not exist", at);
            case COMPLAINED -> postmark.bounce(accountCode, deliveryId, email, "SpamComplaint",
                    "The recipient marked the email as spam", at);
            default -> postmark.bounce(accountCode, deliveryId, email, "Unsubscribe", "The recipient unsubscribed", at);
        }
    }
}
