/**
 * The workbench widget a host places on its home page: yesterday's failures of the user's account, each
 * count a link into the Audit; switched on per account by its admins.
 * May touch: account, adminlog (who switched the widget), audit (links), message.
 */
package io.distman.workbench;
