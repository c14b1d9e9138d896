/**
 * Recipient digests: at each recipient's digest time, the BULK mail held for them (PENDING_DIGEST) goes out as one
 * combined mail per recipient and account, submitted through the normal submission path; each held delivery then
 * takes the digest delivery's outcome in its timeline. A feature of its own, above preference and submission, because
 * the submission asks the preferences how to treat a recipient and the digest submits mail: in one package they
 * would depend on each other.
 * May touch: preference, submission, message, platform.
 */
package io.distman.digest;
