package io.distman.bounce.control;

import static io.distman.bounce.entity.Reason.*;

import io.distman.bounce.entity.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the provider rule that applies to a recipient by host name (see {@link RemoteHosts})
 * and asks it for a reason. Host suffixes follow the providers' published MX and outbound host
 * names; a leading dot means "any host in that domain".
 */
final class ProviderRules {

    private record Provider(List<String> hostSuffixes, ProviderRule rule) {
    }

    private static final Map<String, Provider> PROVIDERS = new LinkedHashMap<>();

    static {
        PROVIDERS.put("apple", new Provider(List.of(".mail.icloud.com", ".apple.com", ".me.com"), apple()));
        PROVIDERS.put("aol", new Provider(List.of(".mail.aol.com", ".mx.aol.com"), new PhraseRule()
                .with(HOSTUNKNOWN, "host or domain name not found")
                .with(NOTACCEPT, "type=mx: malformed or unexpected name server reply")));
        PROVIDERS.put("cox", new Provider(List.of("cox.net"), new CoxRule()));
        PROVIDERS.put("franceptt", new Provider(List.of(".laposte.net", ".orange.fr", ".wanadoo.fr"),
                new FrancePttRule()));
        PROVIDERS.put("godaddy", new Provider(List.of("smtp.secureserver.net", "mailstore1.secureserver.net"),
                new GoDaddyRule()));
        // au (KDDI) answers "550 : User unknown" (empty address) for its receivers' filters.
        PROVIDERS.put("google", new Provider(List.of(".google.com", ".googlemail.com"), new GoogleRule()));
        PROVIDERS.put("iua", new Provider(List.of(".email.ua"), new IuaRule()));
        PROVIDERS.put("kddi", new Provider(List.of(".ezweb.ne.jp", "msmx.au.com"), new PhraseRule()
                .with(FILTERED, "550 : user unknown")
                .with(USERUNKNOWN, ">: user unknown")));
        PROVIDERS.put("messagelabs", new Provider(List.of(".messagelabs.com"), messageLabs()));
        PROVIDERS.put("mimecast", new Provider(List.of(".mimecast.com"), new MimecastRule()));
        PROVIDERS.put("microsoft", new Provider(List.of(".prod.outlook.com", ".protection.outlook.com",
                ".onmicrosoft.com", ".exchangelabs.com"), new MicrosoftRule()));
        PROVIDERS.put("outlook", new Provider(List.of(".hotmail.com"), new PhraseRule()
                .with(HOSTUNKNOWN, "the mail could not be delivered to the recipient because the domain is not reachable")
                .with(USERUNKNOWN, "requested action not taken: mailbox unavailable")));
        PROVIDERS.put("nttdocomo", new Provider(List.of("mfsmax.docomo.ne.jp"), new NttDocomoRule()));
        PROVIDERS.put("spectrum", new Provider(List.of("charter.net"), new SpectrumRule()));
        PROVIDERS.put("tencent", new Provider(List.of(".qq.com"), tencent()));
        PROVIDERS.put("yahooinc", new Provider(List.of(".yahoodns.net"), yahoo()));
    }

    /** Yahoo Inc. (Yahoo, AOL) wording, from senders.yahooinc.com/smtp-error-codes. */
    private static ProviderRule yahoo() {
        return new PhraseRule()
                .with(AUTHFAILURE, "yahoo requires all senders to authenticate with either spf or dkim")
                .with(BLOCKED, " because the ip is in spamhaus's list;", "not accepted from ip addresses on spamhaus xbl")
                .with(NORELAYING, "relaying denied for ")
                .with(NOTCOMPLIANTRFC, "headers are not rfc compliant")
                .with(POLICYVIOLATION, "not accepted for policy reasons")
                .with(REJECTED, "temporarily deferred due to unexpected volume or user complaints",
                        "due to unresolvable rfc.5321 domain", " will be permanently deferred")
                .with(SPEEDING, "user is receiving mail too quickly")
                .with(SUSPEND, " is no longer valid.", "this mailbox is disabled")
                .with(SYNTAXERROR, "syntax error in parameters or arguments")
                .with(TOOMANYCONN, "max message per connection reached")
                .with(USERUNKNOWN, "dd this user doesn't have a ", "mailbox not found");
    }

    /** Apple iCloud Mail wording (support.apple.com/102322, "iCloud Mail server error codes"). */
    private static ProviderRule apple() {
        return new PhraseRule()
                .with(AUTHFAILURE, "s dmarc policy", "blocked for failing both spf and dkim autentication checks")
                .with(BLOCKED, "rejected due to having a domain present in the spamhaus", "rejected due to listing in spamhaus",
                        "blocked - see https://support.proofpoint.com/dnsbl-lookup", "not accepting connections")
                .with(HASMOVED, "recipient no longer on server")
                .with(MAILBOXFULL, "user is over quota")
                .with(NORELAYING, "relay access denied")
                .with(NOTACCEPT, "host/domain does not accept mail")
                .with(POLICYVIOLATION, "due to local policy")
                .with(REJECTED, "sender address rejected")
                .with(SPEEDING, "due to excessive volume")
                .with(USERUNKNOWN, "inactive email address", "user does not exist", "unknown or illegal alias");
    }

    /** Tencent QQ Mail wording, each from its help pages (service.mail.qq.com/detail/122/...). */
    private static ProviderRule tencent() {
        return new PhraseRule()
                .with(AUTHFAILURE, "spf check failed", "dmarc check failed")
                .with(BLOCKED, "suspected bounce attacks", "suspected spam ip", "connection denied")
                .with(MESGTOOBIG, "message too large")
                .with(SPAMDETECTED, "spam is embedded in the email", "mail content denied")
                .with(REJECTED, "suspected spam", "mail is rejected by recipients")
                .with(SPEEDING, "mailbox unavailable or access denined")
                .with(SUSPEND, "is a deactivated mailbox")
                .with(SYNTAXERROR, "bad address syntax")
                .with(TOOMANYCONN, "ip frequency limited", "domain frequency limited", "sender frequency limited",
                        "connection frequency limited")
                .with(USERUNKNOWN, "mailbox not found");
    }

    /** Symantec Email Security.cloud wording, from Broadcom's knowledge base articles. */
    private static ProviderRule messageLabs() {
        return new PhraseRule()
                .with(AUTHFAILURE, "domain authentication fail")
                .with(BADREPUTATION, "connection rejected by policy")
                .with(BLOCKED, "mail rejected because your ip is in the pbl", "your ip address has been ")
                .with(CONTENTERROR, "stray linefeeds in message")
                .with(SECURITYERROR, "tls/sslv3 connection required",
                        "please turn on smtp authentication in your mail client")
                .with(NORELAYING, " as a relay, ")
                .with(NOTCOMPLIANTRFC, "550 requested action aborted [4]",
                        "has detected that this message is not rfc 5322")
                .with(REJECTED, "sender envelope domain not allowed for sender ip address",
                        "your domain has been blocked", "your email address has been blocked",
                        "your envelope sender is in my badmailfrom list", "your email address has been blacklisted",
                        "your domain has been blacklisted")
                .with(SPAMDETECTED, "message filtered", "filtered by outbound scanning")
                .with(TOOMANYCONN, "too many recipients received this hour", "too many messages")
                .with(USERUNKNOWN, "no such user", "invalid recipient", "mailbox is not allowed");
    }

    private ProviderRules() {
    }

    /** The provider's reason for this recipient, or null when no provider rule applies or decides. */
    static Reason reasonFor(DeliveryFacts f) {
        if (f.diagnostic.isBlank()) {
            return null;
        }
        Provider p = byDestination(RemoteHosts.destination(f));
        for (String host : RemoteHosts.remote(f)) {
            p = p != null ? p : byHost(host);
        }
        p = p != null ? p : byHost(f.reportingHost);
        return p == null ? null : p.rule().reasonFor(f);
    }

    /** A recipient domain selects the provider whose host names lie in that domain. */
    private static Provider byDestination(String domain) {
        if (domain.isEmpty()) {
            return null;
        }
        for (Provider p : PROVIDERS.values()) {
            for (String suffix : p.hostSuffixes()) {
                if (suffix.equals(domain) || suffix.endsWith("." + domain)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static Provider byHost(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        for (Provider p : PROVIDERS.values()) {
            for (String suffix : p.hostSuffixes()) {
                if (host.equals(suffix) || host.endsWith(suffix.startsWith(".") ? suffix : "." + suffix)) {
                    return p;
                }
            }
        }
        return null;
    }
}
