package io.distman.bounce.control;

import io.distman.bounce.entity.Reason;

/**
 * A mailbox provider's own bounce vocabulary: the error codes and wording it documents, which
 * name a reason more precisely than the generic SMTP status does. Applied only when the bounce
 * is known to come from (or be about) that provider, see {@link ProviderRules}.
 */
interface ProviderRule {

    /** The reason the provider's message names, or null when the rule has no opinion. */
    Reason reasonFor(DeliveryFacts facts);
}
