/**
 * The Queue screen's service: what has not gone yet (pending, scheduled, sending, temporary failure,
 * pending digest) with Send now / Retry now / Cancel, each through the owning feature's boundary; a delivery a
 * rate limit holds shows why and until when (ratelimit).
 * May touch: account, audit, dispatch, message, ratelimit, submission, platform.
 */
package io.distman.queue;
