/**
 * Rate limits: what an account admin allows its way out (messages per second, recipients per connection) and
 * each destination domain (recipients per hour), counted in shared windows in the database so that every
 * instance spends the same budget; a domain that answered "too many" (421, 4.7.x) is backed off as a whole.
 * Mail over a limit is held, not failed: the claim leaves it queued with its next attempt at the next free
 * slot ({@code SendBudget.admit}) and the Queue shows why ({@code SendBudget.holds}); no attempt is counted.
 * Set up through {@code SendLimitsAdmin} (role admin, account checked, every change in the admin log).
 * May touch: account (callers), message (deliveries), adminlog, platform.
 */
package io.distman.ratelimit;
