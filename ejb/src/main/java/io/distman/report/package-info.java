/**
 * Reports: monthly counts per status and source module (table and chart).
 * May touch: account, audit (links), message.
 */
package io.distman.report;
