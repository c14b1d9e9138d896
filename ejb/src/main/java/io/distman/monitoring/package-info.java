/**
 * Monitoring: how the installation is doing, for the people and machines that run it. The health probe
 * (the database by a real query under a time limit, the relays by the outcome of recent sends, the age of the
 * oldest due mail) and the metrics in Prometheus text format (queue depth by status, oldest due age, sends and
 * failures by reason, through Micrometer). It only reads: the queue through one grouped query, cached a few
 * seconds, and the sends by observing {@code DeliveryStatusChanged} after commit, so the send path does not
 * know it exists. May touch: message (entity, the after-commit event), account (the operator role), platform.
 */
package io.distman.monitoring;
