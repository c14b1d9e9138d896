package io.distman.bounce.control;

import static io.distman.bounce.entity.Reason.*;

import io.distman.bounce.entity.Reason;
import java.util.List;
import java.util.Locale;

/**
 * Gmail and Google Workspace: Google documents each of its SMTP replies (support.google.com/a/
 * answer/3221692 and the Gmail sender guidelines). A reply counts only when both its wording and
 * its status detail match, because Google reuses words across codes (e.g. "exceeded Google's
 * message size limits" is a per-user limit as 5.2.3, an oversized message as 5.3.4).
 * The table follows Sisimai's (Sisimai::Rhost::Google).
 */
final class GoogleRule implements ProviderRule {

    /** A documented reply: the status detail without its class ("7.1" for 5.7.1/4.7.1) and the wording. */
    private record Reply(Reason reason, String detail, String phrase) {
    }

    private static final List<Reply> REPLIES = List.of(
            new Reply(AUTHFAILURE, "7.24", "the spf record of the sending domain"),
            new Reply(AUTHFAILURE, "7.26", "senders to authenticate with either spf or dkim"),
            new Reply(AUTHFAILURE, "7.26", "fails to pass spf checks for an spf record with a hard fail"),
            new Reply(AUTHFAILURE, "7.26", "has an spf record with a hard fail policy"),
            new Reply(AUTHFAILURE, "7.26", "is not accepted due to domain's dmarc policy"),
            new Reply(AUTHFAILURE, "7.1", "fails to pass authentication checks"),
            new Reply(AUTHFAILURE, "7.26", "fails to pass authentication checks"),
            new Reply(AUTHFAILURE, "7.27", "senders to authenticate with spf"),
            new Reply(AUTHFAILURE, "7.27", "senders to authenticate their email with spf"),
            new Reply(AUTHFAILURE, "7.30", "senders to authenticate their email with dkim"),
            new Reply(AUTHFAILURE, "7.30", "senders to authenticate with dkim"),
            new Reply(AUTHFAILURE, "7.32", "aligned with either the authenticated spf or dkim"),
            new Reply(BADREPUTATION, "7.0", "very low reputation of the sending ip address"),
            new Reply(BADREPUTATION, "7.0", "very low reputation of the sending domain"),
            new Reply(BADREPUTATION, "7.1", "very low reputation of the sending ip address"),
            new Reply(BADREPUTATION, "7.1", "very low reputation of the sending domain"),
            new Reply(BLOCKED, "7.0", "ip not in whitelist for rcpt domain"),
            new Reply(BLOCKED, "7.0", "try again later, closing connection."),
            new Reply(BLOCKED, "5.4", "empty helo/ehlo argument not allowed"),
            new Reply(BLOCKED, "5.4", "helo/ehlo argument is invalid"),
            new Reply(BLOCKED, "7.0", "an unusual rate of unsolicited mail"),
            new Reply(BLOCKED, "7.28", "an unusual rate of mail"),
            new Reply(BLOCKED, "7.1", "an unusual rate of unsolicited mail"),
            new Reply(BLOCKED, "7.28", "an unusual rate of unsolicited mail"),
            new Reply(EXCEEDLIMIT, "2.3", "exceeded google's message size limits"),
            new Reply(EXCEEDLIMIT, "3.4", "exceeds google's limit of limit attachments."),
            new Reply(EXCEEDLIMIT, "3.4", "your message exceeded google's message header size limits"),
            new Reply(EXCEEDLIMIT, "3.4", "bytes per individual header size"),
            new Reply(EXCEEDLIMIT, "3.4", "exceeds google's header name limit of"),
            new Reply(EXCEEDLIMIT, "3.4", "exceeds google's message header size limit"),
            new Reply(EXPIRED, "7.0", "connection expired"),
            new Reply(EXPIRED, "4.2", "timeout - closing connection"),
            new Reply(SECURITYERROR, "7.0", "must issue a starttls command first"),
            new Reply(SECURITYERROR, "5.1", "starttls may not be repeated"),
            new Reply(SECURITYERROR, "7.0", "tls required for rcpt domain"),
            new Reply(SECURITYERROR, "7.29", "senders to use tls/ssl for smtp"),
            new Reply(MAILBOXFULL, "2.2", "inbox is out of storage space"),
            new Reply(MAILBOXFULL, "2.2", "is over quota"),
            new Reply(MAILBOXFULL, "7.1", "email quota exceeded"),
            new Reply(MESGTOOBIG, "3.4", "exceeded google's message size limits"),
            new Reply(MESGTOOBIG, "3.4", "exceeds google's message size limit of"),
            new Reply(NETWORKERROR, "4.6", "message exceeded 50 hops"),
            new Reply(NETWORKERROR, "6.0", "message exceeded 50 hops"),
            new Reply(NORELAYING, "7.0", "mail relay denied"),
            new Reply(NORELAYING, "7.1", "invalid credentials for relay"),
            new Reply(NORELAYING, "7.1", "is not authorized to send email directly to our servers"),
            new Reply(NOTCOMPLIANTRFC, "7.1", "missing a valid address in the from: header"),
            new Reply(NOTCOMPLIANTRFC, "7.1", "multiple addresses in from: header are not accepted"),
            new Reply(NOTCOMPLIANTRFC, "7.1", "is not rfc 5322 compliant"),
            new Reply(NOTCOMPLIANTRFC, "7.1", "missing a valid message-id: header"),
            new Reply(NOTCOMPLIANTRFC, "7.1", "contains a unicode character in a disallowed header"),
            new Reply(NOTCOMPLIANTRFC, "7.1", "encoded-word syntax is not permitted"),
            new Reply(NOTCOMPLIANTRFC, "1.7", "is not a valid rfc 5321 address"),
            new Reply(NOTCOMPLIANTRFC, "6.0", "mail message is malformed"),
            new Reply(POLICYVIOLATION, "7.0", "illegal attachment on your message"),
            new Reply(POLICYVIOLATION, "7.0", "blocked because its content presents a potential security issue"),
            new Reply(POLICYVIOLATION, "7.1", "you are sending to (or from) has a policy that prohibited"),
            new Reply(POLICYVIOLATION, "7.28", "sending messages with the same message-id:"),
            new Reply(REJECTED, "7.0", "mail sending denied"),
            new Reply(REJECTED, "7.1", "unauthenticated email is not accepted"),
            new Reply(REQUIREPTR, "7.0", "does not have a ptr record"),
            new Reply(REQUIREPTR, "7.23", " have a ptr record, or the ptr record"),
            new Reply(REQUIREPTR, "7.1", "does not meet ipv6 sending guidelines regarding ptr records and authentication"),
            new Reply(REQUIREPTR, "7.25", "does not have a ptr record"),
            new Reply(REQUIREPTR, "7.25", "does not match the ip address of the hostname"),
            new Reply(SECURITYERROR, "7.0", "too many login attempts"),
            new Reply(SECURITYERROR, "5.2", "cannot decode response"),
            new Reply(SECURITYERROR, "7.0", "no identity changes permitted"),
            new Reply(SECURITYERROR, "5.1", "authentication required."),
            new Reply(SECURITYERROR, "7.0", "authentication required."),
            new Reply(SECURITYERROR, "7.1", "application-specific password required"),
            new Reply(SECURITYERROR, "7.9", "application-specific password required"),
            new Reply(SECURITYERROR, "7.1", "please log in with your web browser"),
            new Reply(SECURITYERROR, "7.9", "please log in with your web browser"),
            new Reply(SECURITYERROR, "7.14", "please log in through your web browser"),
            new Reply(SECURITYERROR, "7.1", "username and password not accepted"),
            new Reply(SECURITYERROR, "7.8", "username and password not accepted"),
            new Reply(SPAMDETECTED, "7.0", "due to the nature of the content or the links within"),
            new Reply(SPAMDETECTED, "7.1", "likely unsolicited mail"),
            new Reply(SPEEDING, "2.1", "is receiving mail too quickly"),
            new Reply(SPEEDING, "2.1", "peak smtp relay limit exceeded for customer"),
            new Reply(SPEEDING, "2.1", "rate that prevents additional messages from being delivered"),
            new Reply(SPEEDING, "4.5", "daily sending quota exceeded"),
            new Reply(SPEEDING, "4.5", "daily user sending limit exceeded"),
            new Reply(SPEEDING, "4.5", "daily smtp relay limit exceeded for"),
            new Reply(SPEEDING, "7.1", "daily smtp relay limit exceeded for"),
            new Reply(SPEEDING, "7.1", "daily smtp relay sending limit exceeded for"),
            new Reply(SPEEDING, "7.1", "this mail has been rate limited"),
            new Reply(SUSPEND, "2.1", "account that you tried to reach is disabled"),
            new Reply(SUSPEND, "2.1", "account that you tried to reach is inactive"),
            new Reply(SYNTAXERROR, "5.0", "smtp protocol violation"),
            new Reply(SYNTAXERROR, "7.10", "smtp protocol violation"),
            new Reply(SYNTAXERROR, "5.4", "optional argument not permitted"),
            new Reply(SYNTAXERROR, "7.11", "syntax error"),
            new Reply(SYNTAXERROR, "5.2", "syntax error"),
            new Reply(SYNTAXERROR, "5.1", "too many unrecognized commands, goodbye"),
            new Reply(SYNTAXERROR, "5.1", "unimplemented command"),
            new Reply(SYNTAXERROR, "5.1", "unrecognized command"),
            new Reply(SYNTAXERROR, "5.1", "bad sequence of commands"),
            new Reply(SYNTAXERROR, "5.1", "ehlo/helo first"),
            new Reply(SYNTAXERROR, "5.1", "mail first"),
            new Reply(SYNTAXERROR, "5.1", "rcpt first"),
            new Reply(SYNTAXERROR, "5.1", "no data after bdat"),
            new Reply(SYNTAXERROR, "7.4", "unrecognized authentication type"),
            new Reply(SYNTAXERROR, "7.4", "xoauth is no longer supported"),
            new Reply(SYNTAXERROR, "7.0", "too many unauthenticated commands"),
            new Reply(SYSTEMERROR, "3.0", "temporary system problem"),
            new Reply(SYSTEMERROR, "7.0", "temporary system problem"),
            new Reply(SYSTEMERROR, "4.5", "server busy"),
            new Reply(SYSTEMERROR, "3.0", "multiple destination domains per transaction is unsupported"),
            new Reply(SYSTEMERROR, "3.0", "mail server has temporarily rejected this message"),
            new Reply(SYSTEMERROR, "3.0", "mail server temporarily rejected message"),
            new Reply(SYSTEMERROR, "5.3", "domain policy size per transaction exceeded"),
            new Reply(SYSTEMERROR, "7.0", "cannot authenticate due to temporary system problem"),
            new Reply(TOOMANYCONN, "5.3", "your message has too many recipients"),
            new Reply(TOOMANYCONN, "5.3", "too many recipients for this sender"),
            new Reply(USERUNKNOWN, "1.1", "the email account that you tried to reach does not exist"),
            new Reply(USERUNKNOWN, "1.2", "we weren't able to find the recipient domain"),
            new Reply(USERUNKNOWN, "1.3", "is not a valid rfc 5321 address"));

    @Override
    public Reason reasonFor(DeliveryFacts facts) {
        int dot = facts.status.indexOf('.');
        if (dot < 0) {
            return null;
        }
        String detail = facts.status.substring(dot + 1);
        String text = facts.diagnostic.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        // Google folds long replies as "550-5.2.1 ..." continuation lines; read them as one sentence.
        text = text.replaceAll(" \\d{3}[ -]\\d\\.\\d{1,3}\\.\\d{1,3} ", " ");
        for (Reply r : REPLIES) {
            if (r.detail().equals(detail) && text.contains(r.phrase())) {
                return r.reason();
            }
        }
        return null;
    }
}
