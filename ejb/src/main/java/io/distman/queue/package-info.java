/**
 * The Queue screen's service: what has not gone yet (pending, scheduled, sending, temporary failure,
 * pending digest) with Send now / Retry now / Cancel, each through the owning feature's boundary.
 * May touch: account, audit, dispatch, message, submission, platform.
 */
package io.distman.queue;
