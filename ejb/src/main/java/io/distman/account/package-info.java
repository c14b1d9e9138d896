/**
 * Accounts (agencies, the tenants), their users, roles and support grants, API keys and the account's
 * transport (its own SMTP relay with TLS and AUTH, or Mailgun; their secrets sealed with platform's SecretBox). Every other row carries an account id; this feature says who the
 * caller is ({@code CurrentUser} for screens, {@code ApiCaller}/{@code ApiKeyFilter} for REST).
 * Its admin screens and REST (AccountAdmin) record every change in the admin log.
 * May touch: platform, adminlog.
 */
package io.distman.account;
