/**
 * Notifications to the users who raised mail that failed, was complained about or unsubscribed, and to
 * admins when the queue is stuck: in-app bell and list, per-user and per-account preferences, immediate or
 * daily-summary email sent through the module's own submission service.
 * May touch: account, adminlog (who changed the account's defaults), identity (the installation's sender),
 * message (after-commit events), submission, platform.
 */
package io.distman.notification;
