package io.distman.platform.boundary;

import io.distman.platform.entity.AppSecret;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The installation's signing keys. Created on first use in a transaction of their own; if two servers
 * race, the primary key lets one win and the other reads the winner's, so all servers sign alike.
 */
// Created at deployment, not on first use during an undeploy (see DispatchJobs).
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the map is concurrent; no container lock per call
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
@PermitAll // the application's own signing keys, read by its own code (timers, links) without a caller identity
public class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    public byte[] key(String name) {
        return cache.computeIfAbsent(name, this::loadOrCreate);
    }

    private byte[] loadOrCreate(String name) {
        AppSecret secret = em.find(AppSecret.class, name);
        if (secret == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            secret = new AppSecret(name, Base64.getEncoder().encodeToString(bytes), Instant.now());
            em.persist(secret);
            em.flush();
        }
        return Base64.getDecoder().decode(secret.getSecret());
    }
}
