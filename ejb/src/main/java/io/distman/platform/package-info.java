/**
 * Platform: what every feature needs and no feature owns: settings ({@code distman.*} system properties),
 * clocks, hashes, secrets at rest (SecretBox seals with the installation key, which the server supplies
 * outside the database; SecretSealing keeps every feature's SealedSecrets on the newest key; Secrets holds
 * the versioned signing keys), after-commit CDI events, Flyway migrations at deployment
 * ({@code SchemaMigration}), and the REST error body and 404 (web). It depends on no feature; every
 * feature may use its {@code boundary} and {@code entity} ({@code NotFoundException}, {@code FieldError}).
 */
package io.distman.platform;
