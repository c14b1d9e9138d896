/**
 * The recipient directory: the host's contacts (leaseholders, tenants, owners with their blocks, units, balances
 * and newsletter, opt-out and tracking-consent flags) reached through one seam, {@code RecipientDirectory}, which
 * the host implements; without one, a deterministic demo directory in the run profile and the tests. Filters (a few
 * characteristics) and worklists (saved per account, built from a filter, edited by hand) choose contacts for
 * serial mail. Kept apart from {@code serial} because the contacts are the host's, not the mail's: a print queue
 * or a preference screen looks contacts up the same way.
 * May touch: account (callers), platform.
 */
package io.distman.directory;
