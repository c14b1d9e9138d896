/**
 * The service other back-office modules call ({@code DistributionManager}: EJB local/remote, REST):
 * validates a submission field by field, stores message and deliveries in one transaction, resolves
 * pre-send outcomes (EMAIL_MISSING, REJECTED, SUPPRESSED) and nudges dispatch for urgent mail; cancel and
 * resend of a delivery ({@code DeliveryActions}).
 * Refuses a From outside the account's verified sender identities ({@code identity}).
 * May touch: account, identity, message, suppression, platform.
 */
package io.distman.submission;
