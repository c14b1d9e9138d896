package io.distman.demo;

import io.distman.message.entity.Category;
import io.distman.message.entity.Priority;
import io.distman.submission.boundary.DistributionManagerLocal;
import io.distman.submission.entity.AttachmentInput;
import io.distman.message.entity.PostalAddress;
import io.distman.submission.entity.RecipientInput;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the host's back-office modules: the demands module and the credit-control module
 * send their letters through the Distribution Manager exactly as real modules would — as a principal of
 * their own ({@value #PRINCIPAL}, its run-as identity, set in WEB-INF/glassfish-ejb-jar.xml), which the
 * demo data grants the two demo agencies. Without the grant the service refuses it like anyone else.
 */
@Stateless
@DeclareRoles(DemoBackOffice.ROLE)
@RunAs(DemoBackOffice.ROLE)
public class DemoBackOffice {

    static final String ROLE = "module";
    static final String PRINCIPAL = "distman-demo-backoffice";

    @EJB
    DistributionManagerLocal distribution;

    /** A tenant of the demo: some have no email address, one has a mistyped one. */
    public record Tenant(String name, String email, String unit) {
    }

    /**
     * The tenant's postal address, as a back office knows it: the unit in the demo town. With it, a demand to a tenant
     * without email (or whose email bounced) can go to the print queue in the demo too.
     */
    static PostalAddress postal(Tenant tenant) {
        return new PostalAddress(List.of(tenant.name()), List.of(tenant.unit()), "NT1 4AB", "Northtown", null);
    }

    public SubmitReceipt sendDemand(String account, String agency, String sender, String user, int demandNo, Tenant tenant,
                                    BigDecimal amount) {
        byte[] pdf = DemoLetters.demand(agency, tenant.name(), tenant.unit(), amount, LocalDate.now().plusDays(14));
        return distribution.submit(SubmitRequest.builder()
                .account(account).raisedBy(user).source("demand", String.valueOf(demandNo))
                .category(Category.ESSENTIAL).priority(Priority.NORMAL)
                .sender(sender, agency)
                .to(List.of(new RecipientInput(tenant.email(), tenant.name(), postal(tenant))))
                .subject("Rent demand " + demandNo + " for " + tenant.unit())
                .html("<p>Dear " + tenant.name() + ",</p><p>Please find attached your rent demand for <b>" + tenant.unit()
                        + "</b>: GBP " + amount + ".</p><p><a href=\"https://pay.example/rent\">Pay online</a></p><p>" + agency + "</p>")
                .text("Dear " + tenant.name() + ",\n\nPlease find attached your rent demand for " + tenant.unit() + ": GBP "
                        + amount + ".\n\n" + agency)
                .attachments(List.of(new AttachmentInput("demand-" + demandNo + ".pdf", "application/pdf", pdf)))
                .headers(Map.of("X-Demand-No", String.valueOf(demandNo)))
                .idempotencyKey("demand:" + demandNo)
                .build());
    }

    public SubmitReceipt sendReminder(String account, String agency, String sender, String user, int caseNo, Tenant tenant,
                                      BigDecimal arrears, int stage) {
        byte[] pdf = DemoLetters.reminder(agency, tenant.name(), tenant.unit(), arrears, stage);
        return distribution.submit(SubmitRequest.builder()
                .account(account).raisedBy(user).source("credit-control", String.valueOf(caseNo))
                .category(Category.TRANSACTIONAL).priority(stage > 1 ? Priority.URGENT : Priority.NORMAL)
                .sender(sender, agency)
                .to(List.of(new RecipientInput(tenant.email(), tenant.name(), postal(tenant))))
                .subject("Payment reminder for " + tenant.unit())
                .text("Dear " + tenant.name() + ",\n\nOur records show arrears of GBP " + arrears + " on " + tenant.unit()
                        + ". The reminder letter is attached.\n\n" + agency)
                .attachments(List.of(new AttachmentInput("reminder-" + caseNo + "-" + stage + ".pdf", "application/pdf", pdf)))
                .idempotencyKey("credit-control:" + caseNo + ":" + stage)
                .build());
    }
}
