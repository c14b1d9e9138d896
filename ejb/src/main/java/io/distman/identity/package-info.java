/**
 * Sender identities: the domains and single addresses an account may send From, each proved by a DNS TXT
 * record the admin publishes ({@code SenderIdentities}), the check at submission that a From lies within
 * them ({@code SenderCheck}), and the DKIM keys that sign the account's mail per domain ({@code DkimKeys}),
 * with rotation. Exists so no account can send as another agency's domain, and so receivers can tell.
 * The admin's screens and REST reach it through {@code IdentityAdmin} (role, account, admin log).
 * May touch: account, message (address checks), adminlog, platform.
 */
package io.distman.identity;
