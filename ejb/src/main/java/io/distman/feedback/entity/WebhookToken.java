package io.distman.feedback.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A one-time webhook token already used, kept until a replay of it would be stale anyway. */
@Entity
@Table(name = "webhook_token")
@IdClass(WebhookToken.Key.class)
public class WebhookToken {

    @Id
    @Column(length = 30)
    private String provider;

    @Id
    @Column(length = 200)
    private String token;

    @Column(name = "keep_until", nullable = false)
    private Instant keepUntil;

    protected WebhookToken() {
    }

    public WebhookToken(String provider, String token, Instant keepUntil) {
        this.provider = provider;
        this.token = token;
        this.keepUntil = keepUntil;
    }

    public Instant getKeepUntil() { return keepUntil; }

    public void keepUntil(Instant until) {
        this.keepUntil = until;
    }

    /** Composite key: tokens are unique per provider. */
    public static class Key implements Serializable {
        private String provider;
        private String token;

        public Key() {
        }

        public Key(String provider, String token) {
            this.provider = provider;
            this.token = token;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(provider, k.provider) && Objects.equals(token, k.token);
        }

        @Override
        public int hashCode() {
            return Objects.hash(provider, token);
        }
    }
}
