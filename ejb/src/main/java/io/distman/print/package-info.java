/**
 * The print queue ("Queue Desktop Mailing", issue 13 part 5): a letter whose email could not go (no address,
 * EMAIL_MISSING) or failed for good (FAILED) and whose recipient came with a postal address is queued by an agent,
 * printed in one merged PDF (each letter on its own pages, the address in a DIN 5008 form B window, then the body,
 * then its attachments), and marked printed, which records PRINTED in the delivery's timeline with who and when.
 * It exists apart from the Queue because a letter leaves by post, not through the dispatcher.
 * May touch: message (the status method, content, attachments, postal address), account (the caller), queue's
 * outcome type, platform.
 */
package io.distman.print;
