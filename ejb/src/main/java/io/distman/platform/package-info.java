/**
 * Platform: what every feature needs and no feature owns: settings ({@code distman.*} system properties),
 * clocks, hashes, the installation's secrets, after-commit CDI events, Flyway migrations at deployment
 * ({@code SchemaMigration}), and the REST error body and 404 (web). It depends on no feature; every
 * feature may use its {@code boundary} and {@code entity} ({@code NotFoundException}, {@code FieldError}).
 */
package io.distman.platform;
