package io.distman.bounce.control;

import io.distman.bounce.entity.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon SES notifications delivered by email (SNS): JSON instead of a DSN. Read with
 * patterns rather than a JSON library to keep the module free of extra dependencies; the
 * payload is often a JSON string nested inside the SNS envelope anyway.
 */
public final class AmazonSesFormat implements BounceFormat {

    private static final Pattern TYPE = Pattern.compile("\"notificationType\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern LIST = Pattern.compile(
            "\"(bouncedRecipients|complainedRecipients)\"\\s*:\\s*\\[(.*?)\\]", Pattern.DOTALL);
    private static final Pattern OBJECT = Pattern.compile("\\{([^{}]*)\\}");
    private static final Pattern DELIVERED_TO = Pattern.compile(
            "\"delivery\"\\s*:\\s*\\{.*?\"recipients\"\\s*:\\s*\\[([^\\]]*)\\]", Pattern.DOTALL);

    @Override
    public String name() {
        return "amazonses";
    }

    @Override
    public List<DeliveryFacts> decode(ParsedMail mail, ReturnedMessage returned) {
        String body = mail.text();
        if (!body.contains("notificationType")) {
            return List.of();
        }
        String json = body.replace("\\\"", "\"").replaceAll("=\\r?\\n", "").replaceAll("\\r?\\n\\s*", "");
        Matcher type = TYPE.matcher(json);
        if (!type.find()) {
            return List.of();
        }
        String kind = type.group(1);
        List<DeliveryFacts> facts = new ArrayList<>();
        if (kind.equals("Delivery")) {
            Matcher m = DELIVERED_TO.matcher(json);
            if (m.find()) {
                for (String a : Addresses.all(m.group(1))) {
                    DeliveryFacts f = new DeliveryFacts(a);
                    f.action = "delivered";
                    f.diagnostic = field(json, "smtpResponse");
                    f.status = StatusCodes.fromStatusField(f.diagnostic.replaceFirst("^\\s*\\d{3}\\s+", ""));
                    f.reason = Reason.DELIVERED.label();
                    facts.add(f);
                }
            }
            return facts;
        }
        Matcher list = LIST.matcher(json);
        if (!list.find()) {
            return List.of();
        }
        Matcher obj = OBJECT.matcher(list.group(2));
        while (obj.find()) {
            String o = obj.group(1);
            DeliveryFacts f = new DeliveryFacts(Addresses.first(field(o, "emailAddress")));
            if (kind.equals("Complaint")) {
                f.reason = Reason.FEEDBACK.label();
            } else {
                f.action = field(o, "action");
                f.status = StatusCodes.fromStatusField(field(o, "status"));
                f.diagnostic = field(o, "diagnosticCode");
                int semi = f.diagnostic.indexOf(';');
                if (semi > 0 && semi < 12) {
                    f.diagnosticType = f.diagnostic.substring(0, semi).trim().toUpperCase();
                    f.diagnostic = f.diagnostic.substring(semi + 1).trim();
                }
            }
            if (!f.recipient.isEmpty()) {
                facts.add(f);
            }
        }
        return facts;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }
}
