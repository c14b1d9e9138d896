package io.distman.message.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/**
 * The postal address a recipient was submitted with, kept beside its delivery (V36_1) for a letter by post.
 * Lines are stored newline-joined: the validator refuses line breaks inside a line.
 */
@Entity
@Table(name = "delivery_postal_address")
@NamedQuery(name = DeliveryPostalAddress.OF_DELIVERIES,
        query = "SELECT a FROM DeliveryPostalAddress a WHERE a.deliveryId IN :ids AND a.accountId = :accountId")
public class DeliveryPostalAddress {

    public static final String OF_DELIVERIES = "DeliveryPostalAddress.ofDeliveries";

    @Id
    @Column(name = "delivery_id")
    private Long deliveryId;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "name_lines", length = 250)
    private String nameLines;

    @Column(name = "street_lines", nullable = false, length = 250)
    private String streetLines;

    @Column(length = 16)
    private String postcode;

    @Column(nullable = false, length = 80)
    private String town;

    @Column(length = 60)
    private String country;

    protected DeliveryPostalAddress() {
    }

    public DeliveryPostalAddress(Delivery delivery, PostalAddress address) {
        this.deliveryId = delivery.getId();
        this.accountId = delivery.getAccountId();
        this.nameLines = joined(address.nameLines());
        this.streetLines = joined(address.streetLines());
        this.postcode = blankToNull(address.postcode());
        this.town = address.town().strip();
        this.country = blankToNull(address.country());
    }

    public Long getDeliveryId() { return deliveryId; }
    public Long getAccountId() { return accountId; }

    public PostalAddress address() {
        return new PostalAddress(split(nameLines), split(streetLines), postcode, town, country);
    }

    private static String joined(List<String> lines) {
        List<String> kept = lines.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).toList();
        return kept.isEmpty() ? null : String.join("\n", kept);
    }

    private static List<String> split(String lines) {
        return lines == null ? List.of() : Arrays.asList(lines.split("\n"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
