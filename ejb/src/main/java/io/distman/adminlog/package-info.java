/**
 * The admin log: every change an admin (or an installer's script, or the installation's operator) makes to
 * an account's set-up, as who, when, what, and the value before and after — never a secret, only that one
 * was set. Exists so an agency can answer "who changed our relay / revoked that key / made Jo an admin",
 * and because a change nobody can trace is a change nobody can trust. Features that change set-up record
 * here in the same transaction as the change, so a change is never without its entry nor an entry without
 * its change.
 * May touch: platform.
 */
package io.distman.adminlog;
