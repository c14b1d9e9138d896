package io.distman.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of an installation signing key (the link tokens', the delivery tokens'), the same on every
 * server. The newest version signs; an older one was retired when the next was made and still verifies
 * until its validity after that ends. The secret is sealed with the installation key (SecretBox).
 */
@Entity
@Table(name = "signing_key")
@IdClass(SigningKey.Key.class)
@NamedQuery(name = SigningKey.VERSIONS, query = "SELECT k FROM SigningKey k WHERE k.name = :name ORDER BY k.version")
@NamedQuery(name = SigningKey.ALL, query = "SELECT k FROM SigningKey k ORDER BY k.name, k.version")
public class SigningKey {

    public static final String VERSIONS = "SigningKey.versions";
    public static final String ALL = "SigningKey.all";

    @Id
    @Column(length = 60)
    private String name;

    @Id
    private int version;

    @Column(nullable = false, length = 500)
    private String secret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected SigningKey() {
    }

    public SigningKey(String name, int version, String sealedSecret, Instant createdAt) {
        this.name = name;
        this.version = version;
        this.secret = sealedSecret;
        this.createdAt = createdAt;
    }

    /** What the secret of this row is sealed for: a sealed key copied to another name or version does not open. */
    public static String purpose(String name, int version) {
        return "signing-key:" + name + ":" + version;
    }

    public String purpose() {
        return purpose(name, version);
    }

    public void retire(Instant at) {
        if (retiredAt == null) {
            retiredAt = at;
        }
    }

    public void replaceSealed(String sealedSecret) {
        this.secret = sealedSecret;
    }

    public String getName() { return name; }
    public int getVersion() { return version; }
    public String getSecret() { return secret; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getRetiredAt() { return retiredAt; }

    @Override
    public String toString() {
        return "SigningKey[" + name + " v" + version + ", retired " + retiredAt + ", secret=(hidden)]";
    }

    /** Composite key: a name and its version. */
    public static class Key implements Serializable {
        private String name;
        private int version;

        public Key() {
        }

        public Key(String name, int version) {
            this.name = name;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(name, k.name) && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, version);
        }
    }
}
