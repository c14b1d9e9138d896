package io.distman.preference.entity;

import io.distman.message.entity.Category;
import io.distman.message.entity.Priority;

/**
 * What a recipient's preferences make of one mail to them; the one rule, used at submission and again by the
 * dispatcher just before sending (a preference may change in between).
 *
 * <ul>
 *   <li>TRANSACTIONAL mail (a password reset, a receipt, a ticket update) is what the recipient triggered or is owed:
 *       neither an opt-out nor a digest applies to it, as the opt-out is of non-essential (marketing) mail.</li>
 *   <li>ESSENTIAL mail (a demand, a legal notice) always goes; to a recipient who opted out it goes as an
 *       <em>override</em>, recorded in the delivery's timeline with who and why. It is never held for a digest.</li>
 *   <li>BULK mail (newsletters, mailings) is not sent to a recipient who opted out (OPTED_OUT) and is held for the
 *       digest (PENDING_DIGEST) of one who chose a digest, unless it is URGENT.</li>
 * </ul>
 */
public enum Treatment {
    SEND, SEND_OVERRIDING_OPT_OUT, OPTED_OUT, HOLD_FOR_DIGEST;

    /** @param preference the recipient's preferences in the mail's account, null when nobody set any */
    public static Treatment of(RecipientPreference preference, Category category, Priority priority) {
        if (preference == null || category == Category.TRANSACTIONAL) {
            return SEND;
        }
        if (category == Category.ESSENTIAL) {
            return preference.isOptedOut() ? SEND_OVERRIDING_OPT_OUT : SEND;
        }
        if (preference.isOptedOut()) {
            return OPTED_OUT;
        }
        return preference.getDigest() != DigestFrequency.NONE && priority != Priority.URGENT ? HOLD_FOR_DIGEST : SEND;
    }

    /**
     * Like {@link #of(RecipientPreference, Category, Priority)} when someone other than our store also says the
     * recipient opted out (the host's recipient directory, for serial mail): the same rule, an opt-out either way.
     */
    public static Treatment of(RecipientPreference preference, boolean optedOutElsewhere, Category category,
                               Priority priority) {
        if (optedOutElsewhere && category == Category.BULK) {
            return OPTED_OUT;
        }
        if (optedOutElsewhere && category == Category.ESSENTIAL) {
            return SEND_OVERRIDING_OPT_OUT;
        }
        return of(preference, category, priority);
    }

    /** The timeline's words for an ESSENTIAL mail sent despite an opt-out: who marked it, for whom, and why. */
    public static String overrideNote(String essentialBy, String raisedBy, String reason) {
        return "recipient opted out of non-essential mail; sent because marked ESSENTIAL by "
                + (essentialBy == null ? raisedBy : essentialBy) + "; reason: " + (reason == null ? "none given" : reason);
    }
}
