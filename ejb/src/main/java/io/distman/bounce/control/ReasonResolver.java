package io.distman.bounce.control;

import static io.distman.bounce.entity.Reason.*;

import io.distman.bounce.entity.Reason;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides the reason for one recipient: the RFC 3463 status code first, then the diagnostic
 * text, then weaker hints (action, command, reply code). The order of the checks follows
 * Sisimai's (Sisimai::Reason), because its labels are the reference we are measured against.
 */
public final class ReasonResolver {

    /** Reasons whose evidence is specific enough to be tried while the status code still counts. */
    private static final List<Reason> FIRST_PASS = List.of(
            MAILBOXFULL, MESGTOOBIG, EXCEEDLIMIT, SUSPEND, HASMOVED, NORELAYING, AUTHFAILURE,
            USERUNKNOWN, FILTERED, REQUIREPTR, NOTCOMPLIANTRFC, BADREPUTATION, CONTENTERROR,
            REJECTED, HOSTUNKNOWN, SPAMDETECTED, SPEEDING, TOOMANYCONN, BLOCKED);

    /** Text-only checks used when the status code is missing or vague. */
    private static final List<Reason> SECOND_PASS = List.of(
            MAILBOXFULL, AUTHFAILURE, BADREPUTATION, SPEEDING, SPAMDETECTED, VIRUSDETECTED,
            POLICYVIOLATION, NORELAYING, SYSTEMERROR, NETWORKERROR, SUSPEND, CONTENTERROR,
            SYSTEMFULL, NOTACCEPT, EXPIRED, SECURITYERROR, MAILERERROR);

    /** Relaying cannot be refused before the envelope is sent. */
    private static final java.util.Set<String> CONNECTION_STAGE = java.util.Set.of("CONN", "EHLO", "HELO");

    public Reason resolve(DeliveryFacts f) {
        Optional<Reason> preset = Reason.fromLabel(f.reason);
        if (preset.isPresent() && !preset.get().isTentative()) {
            return preset.get();
        }
        if (f.status.startsWith("2.")) {
            return DELIVERED;
        }
        // Like Sisimai, a provider's own error codes beat the generic rules below.
        Reason byProvider = ProviderRules.reasonFor(f);
        if (byProvider != null) {
            return byProvider;
        }
        Evidence e = new Evidence(f, preset.orElse(null));
        Reason found = null;
        if (f.diagnosticType.isEmpty() || f.diagnosticType.equalsIgnoreCase("smtp")) {
            for (Reason r : FIRST_PASS) {
                if (e.probe(r)) {
                    found = r;
                    break;
                }
            }
        }
        if (found != null && found != UNDEFINED) {
            return found;
        }
        Reason fallback = fallback(e, preset.orElse(null));
        if (fallback == null && isDelayed(f)) {
            fallback = EXPIRED;
        }
        if (fallback != null) {
            return fallback;
        }
        if (ReasonPhrases.mentions(VACATION, e.text)) {
            return VACATION;
        }
        return e.text.isBlank() ? UNDEFINED : ONHOLD;
    }

    private static boolean isDelayed(DeliveryFacts f) {
        return f.action.equalsIgnoreCase("delayed");
    }

    private Reason fallback(Evidence e, Reason preset) {
        if (preset != null && preset != UNDEFINED && preset != ONHOLD) {
            return preset;
        }
        Reason byCode = e.statusReason;
        if (byCode == null || byCode.isTentative() || !e.facts.diagnosticType.equalsIgnoreCase("smtp")) {
            for (Reason r : SECOND_PASS) {
                if (ReasonPhrases.mentions(r, e.text)) {
                    return r;
                }
            }
            boolean mailer = e.facts.diagnosticType.toUpperCase(Locale.ROOT).startsWith("X-UNIX");
            if (byCode != null && !(mailer && byCode.isTentative())) {
                return byCode;
            }
            String s = e.facts.status;
            if (s.startsWith("5.6") || s.startsWith("4.6")) {
                return CONTENTERROR;
            }
            if (s.startsWith("5.7") || s.startsWith("4.7")) {
                return SECURITYERROR;
            }
            if (mailer) {
                // A local delivery program failed; a vague status code does not say more.
                return MAILERERROR;
            }
            if (e.isSyntaxErrorReply()) {
                return SYNTAXERROR;
            }
            String action = e.facts.action.toLowerCase(Locale.ROOT);
            if (action.equals("delayed") || action.equals("expired")) {
                return EXPIRED;
            }
            if (CONNECTION_STAGE.contains(e.facts.command)) {
                // Refused before the envelope: the server refuses this client, whatever it sends.
                return BLOCKED;
            }
        }
        return byCode;
    }

    /** The facts of one recipient with the derived values each probe needs. */
    private static final class Evidence {
        final DeliveryFacts facts;
        final String text;
        final Reason statusReason;
        /** A tentative reason the decoder found; Sisimai's checks accept it as their own. */
        final Reason preset;

        Evidence(DeliveryFacts facts, Reason preset) {
            this.facts = facts;
            this.preset = preset;
            this.text = facts.diagnostic.toLowerCase(Locale.ROOT);
            this.statusReason = StatusReasons.of(facts.status).orElse(null);
        }

        boolean says(Reason r) {
            return ReasonPhrases.mentions(r, text);
        }

        boolean codeSays(Reason r) {
            return statusReason == r;
        }

        boolean beforeData() {
            return SmtpCommands.BEFORE_DATA.contains(facts.command);
        }

        boolean isSyntaxErrorReply() {
            if (facts.replyCode.isEmpty()) {
                return false;
            }
            int n = Integer.parseInt(facts.replyCode);
            return (n > 400 && n < 408) || (n > 500 && n < 508);
        }

        boolean probe(Reason r) {
            if (r == preset) {
                return true;
            }
            return switch (r) {
                case MAILBOXFULL, AUTHFAILURE, REQUIREPTR, TOOMANYCONN, BLOCKED, EXCEEDLIMIT ->
                        codeSays(r) || says(r);
                case MESGTOOBIG -> codeSays(MESGTOOBIG)
                        // x.2.3 (per-user size limit) names EXCEEDLIMIT; "too big" wording then
                        // describes that limit, not the message alone.
                        || (!codeSays(EXCEEDLIMIT) && says(MESGTOOBIG));
                case SUSPEND -> facts.replyCode.equals("525") || says(SUSPEND);
                case HASMOVED, NOTCOMPLIANTRFC, BADREPUTATION, SPEEDING -> says(r);
                case NORELAYING -> !CONNECTION_STAGE.contains(facts.command) && says(NORELAYING);
                case USERUNKNOWN -> userUnknown();
                case FILTERED -> filtered();
                case CONTENTERROR -> !probe(SPAMDETECTED) && (codeSays(CONTENTERROR) || says(CONTENTERROR));
                case REJECTED -> rejected();
                case HOSTUNKNOWN -> codeSays(HOSTUNKNOWN) ? !says(NETWORKERROR) : says(HOSTUNKNOWN);
                case SPAMDETECTED -> !facts.status.isEmpty()
                        && (codeSays(SPAMDETECTED) || (!beforeData() && says(SPAMDETECTED)));
                default -> false;
            };
        }

        private boolean userUnknown() {
            if (codeSays(USERUNKNOWN)) {
                // The code says "no such user" but the text may reveal a more specific cause.
                for (Reason other : List.of(NORELAYING, BLOCKED, MAILBOXFULL, HASMOVED, REJECTED, NOTACCEPT)) {
                    if (says(other)) {
                        return false;
                    }
                }
                return true;
            }
            // Sisimai trusts "no such user" wording only when RCPT was refused: after DATA (or
            // when the stage is unknown) the same words usually come from a recipient's filter.
            return facts.command.equals("RCPT") && says(USERUNKNOWN);
        }

        private boolean filtered() {
            if (codeSays(FILTERED)) {
                return says(USERUNKNOWN) || says(FILTERED);
            }
            if (beforeData()) {
                return false;
            }
            return says(FILTERED) || says(USERUNKNOWN);
        }

        private boolean rejected() {
            if (codeSays(REJECTED)) {
                return true;
            }
            Reason temp = statusReason == null ? UNDEFINED : statusReason;
            if (facts.command.equals("MAIL")) {
                // Refused in reply to MAIL FROM: "access denied" there is about the sender.
                return says(REJECTED) || text.contains("access denied");
            }
            if (facts.command.equals("DATA") && temp != USERUNKNOWN) {
                return says(REJECTED);
            }
            if (temp == UNDEFINED || temp == ONHOLD || temp == SECURITYERROR || temp == SYSTEMERROR) {
                return says(REJECTED);
            }
            return false;
        }
    }
}
