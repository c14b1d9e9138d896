package io.distman.bounce.control;

import static io.distman.bounce.entity.Reason.*;

import io.distman.bounce.entity.Reason;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gmail's older bounces quote the remote server's reply followed by "(state N)": Google's own
 * number for the SMTP stage at which the remote server refused. The stage says more than a
 * vague reply ("554 5.7.0 Header error" after DATA is the recipient's filter), so it decides
 * when the status code in the reply is missing or only gives a class (X.0.0, X.7.0...).
 * Numbers as documented by Sisimai's Gmail decoder (Sisimai::Lhost::Gmail).
 */
final class GmailStates {

    private static final Pattern STATE = Pattern.compile(
            "(?is)google tried to deliver your message.*\\(state (\\d{1,2})\\)");

    private record Stage(String command, Reason reason) {
    }

    private static final Map<String, Stage> STAGES = Map.of(
            "6", new Stage("MAIL", SYSTEMERROR),
            "8", new Stage("AUTH", SYSTEMERROR),
            "9", new Stage("AUTH", SYSTEMERROR),
            "12", new Stage("AUTH", NORELAYING),
            "13", new Stage("EHLO", BLOCKED),
            "14", new Stage("RCPT", USERUNKNOWN),
            "15", new Stage("DATA", FILTERED),
            "17", new Stage("DATA", FILTERED),
            "18", new Stage("DATA", FILTERED));

    private GmailStates() {
    }

    /** Sets the command and, when the status code is vague, the reason; does nothing for other bounces. */
    static void complete(DeliveryFacts f) {
        Matcher m = STATE.matcher(f.diagnostic);
        Stage stage = m.find() ? STAGES.get(m.group(1)) : null;
        if (stage == null) {
            return;
        }
        f.command = stage.command();
        if (f.reason.isEmpty() && (f.status.isEmpty() || f.status.matches("\\d\\.(?:0\\.\\d+|\\d+\\.0)"))) {
            f.reason = stage.reason().label();
        }
    }
}
