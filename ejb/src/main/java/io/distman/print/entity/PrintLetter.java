package io.distman.print.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A letter in the print queue (V36_1): who queued it and, once printed, when, by whom and how often. The row
 * stays after printing so a lost or spoilt letter can be printed again; removing an unprinted one deletes it.
 */
@Entity
@Table(name = "print_letter")
@NamedQuery(name = PrintLetter.TO_PRINT, query = PrintLetter.ROWS + "AND p.printedAt IS NULL ORDER BY p.queuedAt, p.deliveryId")
@NamedQuery(name = PrintLetter.PRINTED, query = PrintLetter.ROWS + "AND p.printedAt IS NOT NULL ORDER BY p.printedAt DESC, p.deliveryId")
@NamedQuery(name = PrintLetter.COUNT_TO_PRINT,
        query = "SELECT COUNT(p.deliveryId) FROM PrintLetter p WHERE p.accountId = :accountId AND p.printedAt IS NULL")
@NamedQuery(name = PrintLetter.COUNT_PRINTED,
        query = "SELECT COUNT(p.deliveryId) FROM PrintLetter p WHERE p.accountId = :accountId AND p.printedAt IS NOT NULL")
@NamedQuery(name = PrintLetter.IN_ACCOUNT,
        query = "SELECT p FROM PrintLetter p WHERE p.deliveryId IN :ids AND p.accountId = :accountId")
public class PrintLetter {

    static final String ROWS = "SELECT NEW io.distman.print.entity.PrintRow(p.deliveryId, m.subject, d.displayName, "
            + "d.address, d.status, a.postcode, a.town, p.queuedAt, p.queuedBy, p.printedAt, p.printedBy, p.printCount) "
            + "FROM PrintLetter p, DeliveryPostalAddress a, Delivery d JOIN d.message m "
            + "WHERE d.id = p.deliveryId AND a.deliveryId = p.deliveryId AND p.accountId = :accountId "
            + "AND d.accountId = :accountId ";
    /** One account's letters still to print, oldest queued first. */
    public static final String TO_PRINT = "PrintLetter.toPrint";
    /** One account's printed letters, last printed first (to print again). */
    public static final String PRINTED = "PrintLetter.printed";
    public static final String COUNT_TO_PRINT = "PrintLetter.countToPrint";
    public static final String COUNT_PRINTED = "PrintLetter.countPrinted";
    /** The account's queued letters among some delivery ids: another account's ids are simply not found. */
    public static final String IN_ACCOUNT = "PrintLetter.inAccount";

    @Id
    @Column(name = "delivery_id")
    private Long deliveryId;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "queued_at", nullable = false)
    private Instant queuedAt;

    @Column(name = "queued_by", nullable = false, length = 100)
    private String queuedBy;

    @Column(name = "printed_at")
    private Instant printedAt;

    @Column(name = "printed_by", length = 100)
    private String printedBy;

    @Column(name = "print_count", nullable = false)
    private int printCount;

    protected PrintLetter() {
    }

    public PrintLetter(long deliveryId, long accountId, Instant queuedAt, String queuedBy) {
        this.deliveryId = deliveryId;
        this.accountId = accountId;
        this.queuedAt = queuedAt;
        this.queuedBy = clip(queuedBy);
    }

    /** @return how many times it has now been printed (1 the first time) */
    public int printed(Instant at, String by) {
        printedAt = at;
        printedBy = clip(by);
        return ++printCount;
    }

    private static String clip(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100);
    }

    public Long getDeliveryId() { return deliveryId; }
    public Long getAccountId() { return accountId; }
    public Instant getQueuedAt() { return queuedAt; }
    public String getQueuedBy() { return queuedBy; }
    public Instant getPrintedAt() { return printedAt; }
    public String getPrintedBy() { return printedBy; }
    public int getPrintCount() { return printCount; }
}
