/**
 * The History screen: what has been sent, newest first, over the Audit's query with fixed statuses.
 * May touch: account, audit, message.
 */
package io.distman.history;
