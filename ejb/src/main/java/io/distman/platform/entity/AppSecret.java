package io.distman.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A secret of the installation, generated on first use and the same on every server. */
@Entity
@Table(name = "app_secret")
public class AppSecret {

    @Id
    @Column(length = 60)
    private String name;

    @Column(nullable = false, length = 200)
    private String secret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AppSecret() {
    }

    public AppSecret(String name, String secret, Instant createdAt) {
        this.name = name;
        this.secret = secret;
        this.createdAt = createdAt;
    }

    public String getSecret() { return secret; }
}
