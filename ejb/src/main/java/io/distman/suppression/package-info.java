/**
 * The suppression list: addresses that must not be mailed (hard bounce, complaint, unsubscribe, repeated
 * soft failures, manual entries by support, with expiry and scope), the policy that keeps it in step with
 * status changes (observing message's in-transaction events) and the support screen's service with its audit.
 * May touch: account, message, bounce (failure severity), platform.
 */
package io.distman.suppression;
