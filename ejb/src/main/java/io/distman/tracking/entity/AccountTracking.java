package io.distman.tracking.entity;

import io.distman.message.entity.Category;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** An account's own choice of tracking for one category; without a row the category's default applies. */
@Entity
@Table(name = "account_tracking")
@IdClass(AccountTracking.Key.class)
@NamedQuery(name = AccountTracking.OF_ACCOUNTS, query = "SELECT t FROM AccountTracking t WHERE t.accountId IN :accountIds")
public class AccountTracking {

    public static final String OF_ACCOUNTS = "AccountTracking.ofAccounts";

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Category category;

    @Column(name = "track_opens", nullable = false)
    private boolean trackOpens;

    @Column(name = "track_clicks", nullable = false)
    private boolean trackClicks;

    protected AccountTracking() {
    }

    public AccountTracking(Long accountId, Category category, TrackingChoice choice) {
        this.accountId = accountId;
        this.category = category;
        choose(choice);
    }

    public void choose(TrackingChoice choice) {
        this.trackOpens = choice.opens();
        this.trackClicks = choice.clicks();
    }

    public Long getAccountId() { return accountId; }
    public Category getCategory() { return category; }
    public TrackingChoice choice() { return new TrackingChoice(trackOpens, trackClicks); }

    /** Composite key: one choice per category of an account. */
    public static class Key implements Serializable {

        private Long accountId;
        private Category category;

        public Key() {
        }

        public Key(Long accountId, Category category) {
            this.accountId = accountId;
            this.category = category;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && category == k.category;
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, category);
        }
    }
}
