/**
 * The start page (/app/): what an agent looks at first, so that nothing needs a search to be noticed:
 * yesterday's problems (the workbench widget), the queue in numbers and the latest failures, each leading to
 * the screen that deals with it. It adds no query of its own: it reads the Queue's and the Email Audit's
 * boundaries for the signed-in user's account. May touch: account, audit, message, queue, workbench (its
 * composite, on the page).
 */
package io.distman.home;
