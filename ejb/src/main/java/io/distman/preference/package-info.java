/**
 * Recipient preferences: per account and recipient address, whether the recipient opted out of non-essential
 * mail and whether their BULK mail is held for a daily or weekly digest, with who changed what and when. The
 * submission and the dispatcher ask {@link io.distman.preference.boundary.Preferences} how to treat a recipient
 * ({@link io.distman.preference.entity.Treatment}); support staff keep the store through
 * {@link io.distman.preference.boundary.PreferenceAdmin}.
 * May touch: account (caller checks), message (address normalising, categories), platform.
 */
package io.distman.preference;
