package io.distman.ratelimit.entity;

import java.io.Serializable;

/** A destination domain's limit as screens and the API show it. */
public record DomainLimitView(String domain, int recipientsPerHour) implements Serializable {
}
