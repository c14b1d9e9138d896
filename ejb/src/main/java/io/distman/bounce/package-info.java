/**
 * The bounce and complaint classifier as a plain library: raw returned mail (RFC 3464 DSN, ARF, the prose
 * of each MTA family, provider notices) in, a {@code BounceReport} (recipient, kind, Sisimai-style reason,
 * RFC 3463 status) out, through one entry point, {@code Bounces.classify}. Also the one reading of an SMTP
 * reply's codes ({@code SmtpStatusExtractor}) and of what a code means ({@code FailureSeverity}: temporary
 * or permanent, does it condemn the address).
 * May touch: nothing of the module — no JPA, no EJB, no CDI (ArchitectureTest guards it), so it runs before
 * any transaction opens and offline ({@code ClassifyBounces}).
 */
package io.distman.bounce;
