package io.distman.dispatch.control;

import io.distman.account.entity.Account;
import io.distman.account.entity.MailgunAccount;
import io.distman.account.entity.SmtpRelay;
import io.distman.account.entity.TransportKind;
import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.RenderedMime;
import io.distman.identity.boundary.DkimKeys;
import io.distman.identity.entity.SigningKey;
import io.distman.message.entity.Category;
import io.distman.message.boundary.MessageParts;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.Message;
import io.distman.message.entity.MessageAttachment;
import io.distman.message.entity.MessageContent;
import io.distman.message.entity.RecipientType;
import io.distman.platform.boundary.SecretBox;
import io.distman.platform.boundary.Secrets;
import io.distman.platform.entity.SecretBoxException;
import io.distman.platform.entity.KeyVersion;
import io.distman.platform.boundary.Settings;
import io.distman.tracking.boundary.DeliveryTokens;
import io.distman.tracking.boundary.LinkTokens;
import io.distman.tracking.boundary.TrackedHtml;
import io.distman.tracking.entity.AccountTracking;
import io.distman.tracking.entity.TrackingChoice;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Turns a claimed block into mail ready to send, with a handful of queries for the whole block and
 * one rendering per message, however many of its recipients are in the block. A message's attachments
 * are read and encoded once per block and shared by all its copies, tracked (one rendering each) or not.
 */
@Dependent
public class OutgoingMailLoader {

    private static final Logger LOG = Logger.getLogger(OutgoingMailLoader.class.getName());

    @Inject
    MessageParts parts;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    Secrets secrets;

    @EJB
    SecretBox box;

    @Inject
    DkimKeys dkimKeys;

    public List<OutgoingMail> load(List<Long> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        List<Delivery> deliveries = em.createNamedQuery(Delivery.WITH_MESSAGE, Delivery.class)
                .setParameter("ids", deliveryIds).getResultList();
        List<Long> messageIds = deliveries.stream().map(d -> d.getMessage().getId()).distinct().toList();
        Map<Long, MessageContent> contents = parts.contents(messageIds);
        Map<Long, List<MessageAttachment>> files = parts.attachments(messageIds);
        Map<Long, List<Delivery>> visible = em.createNamedQuery(Delivery.HEADER_RECIPIENTS, Delivery.class)
                .setParameter("messageIds", messageIds).getResultStream()
                .collect(Collectors.groupingBy(d -> d.getMessage().getId()));
        Map<Long, Account> accounts = new HashMap<>();
        Map<Long, OutgoingMail.Route> routes = new HashMap<>();
        Map<Long, RenderedMime> rendered = new HashMap<>();
        Map<Long, List<byte[]>> encoded = new HashMap<>(); // each message's attachments, encoded once for the block
        Map<Long, TrackedHtml> tracked = new HashMap<>();
        Map<String, Optional<SigningKey>> signingKeys = new HashMap<>(); // per account and sender domain, once per block
        Map<AccountTracking.Key, TrackingChoice> chosen = trackingChoices(deliveries);
        Instant now = clock.instant();
        KeyVersion linkKey = deliveries.stream().anyMatch(d -> d.getMessage().getCategory() == Category.BULK
                || tracking(chosen, d.getMessage(), contents.get(d.getMessage().getId())).any())
                ? secrets.current(LinkTokens.SECRET) : null; // once per block, not per delivery
        KeyVersion echoKey = secrets.current(DeliveryTokens.SECRET);

        List<OutgoingMail> mails = new ArrayList<>();
        for (Delivery d : deliveries) {
            Message message = d.getMessage();
            MessageContent content = contents.get(message.getId());
            List<byte[]> attachments = encoded.computeIfAbsent(message.getId(),
                    id -> MimeRenderer.encodeAttachments(files.getOrDefault(id, List.of())));
            List<Delivery> shown = visible.getOrDefault(message.getId(), List.of());
            Account account = accounts.computeIfAbsent(d.getAccountId(), id -> em.find(Account.class, id));
            TrackingChoice tracking = tracking(chosen, message, content);
            RenderedMime mime;
            if (tracking.any() || d.getResendOf() != null && d.getRecipientType() != RecipientType.BCC) {
                // A copy of its own: tracked HTML carries this delivery's tokens, a resend shows its own recipient.
                String html = tracking.any() ? trackedHtml(tracked, message, content, tracking, linkKey, d.getId())
                        : content.getHtmlBody();
                mime = MimeRenderer.render(message, content, html, attachments, shown(d, shown, RecipientType.TO),
                        shown(d, shown, RecipientType.CC), now);
            } else {
                mime = rendered.computeIfAbsent(message.getId(), id -> MimeRenderer.render(message, content, attachments,
                        visible(shown, RecipientType.TO), visible(shown, RecipientType.CC), now));
            }
            String returnPath = returnPath(account, d);
            OutgoingMail mail = new OutgoingMail(d.getId(), d.getAttempts(), d.getMessageIdHeader(),
                    returnPath, MimeRenderer.asciiDomain(d.getAddress()), mime,
                    routes.computeIfAbsent(account.getId(), id -> route(account)),
                    message.getCategory() == Category.BULK ? unsubscribeHeaders(linkKey, returnPath, d) : "",
                    message.getCategory().name().toLowerCase(Locale.ROOT),
                    DeliveryTokens.sign(echoKey, d.getAccountId(), d.getId()));
            String domain = senderDomain(message);
            Optional<SigningKey> key = signingKeys.computeIfAbsent(d.getAccountId() + "@" + domain,
                    k -> dkimKeys.signingKey(d.getAccountId(), domain));
            mails.add(key.map(signing -> MailSigner.sign(mail, signing)).orElse(mail));
        }
        return mails;
    }

    /** The From domain as DKIM's d= and the identities know it: ASCII, lower case. */
    private static String senderDomain(Message message) {
        String from = MimeRenderer.asciiDomain(message.getSenderAddress());
        return from.substring(from.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The account's way out: its Mailgun domain, its own SMTP relay, or the installation's mail session. A
     * stored secret that does not open (its installation key missing) makes the route unusable: the
     * account's mail waits with the reason, and the rest of the block goes.
     */
    private OutgoingMail.Route route(Account account) {
        try {
            if (account.getTransport() == TransportKind.MAILGUN) {
                MailgunAccount mailgun = em.find(MailgunAccount.class, account.getId());
                if (mailgun == null) {
                    // AccountService stores the settings and the choice together, so only a hand-edited row gets here.
                    throw new IllegalStateException("account " + account.getCode() + " sends through Mailgun but has no Mailgun settings");
                }
                return new OutgoingMail.Mailgun(mailgun.effectiveBaseUrl(), mailgun.getDomain(),
                        box.open(mailgun.getSealedApiKey(), MailgunAccount.purpose(account.getId())));
            }
            SmtpRelay relay = em.find(SmtpRelay.class, account.getId());
            return relay == null ? OutgoingMail.Relay.DEFAULT : relay(relay);
        } catch (SecretBoxException e) {
            LOG.severe("account " + account.getCode() + " cannot send: " + e.getMessage());
            return new OutgoingMail.Unusable(account.getTransport() == TransportKind.MAILGUN ? "mailgun" : "smtp",
                    "the account's stored credentials cannot be opened: " + e.getMessage());
        }
    }

    private OutgoingMail.Relay relay(SmtpRelay relay) {
        String password = relay.getSealedPassword() == null ? null
                : box.open(relay.getSealedPassword(), SmtpRelay.purpose(relay.getAccountId()));
        return new OutgoingMail.Relay(relay.getHost(), relay.getPort(), relay.getSecurity(), relay.getUsername(), password);
    }

    /**
     * Tracked HTML differs per recipient: rewritten once per message (the template is kept for the
     * block), tokens filled in per delivery, and encoded per delivery; untracked mail keeps the shared
     * once-per-message rendering.
     */
    private static String trackedHtml(Map<Long, TrackedHtml> templates, Message message, MessageContent content,
                                      TrackingChoice tracking, KeyVersion linkKey, long deliveryId) {
        return templates.computeIfAbsent(message.getId(), id -> TrackedHtml.prepare(content.getHtmlBody(),
                tracking.opens(), tracking.clicks(), publicUrl())).forDelivery(
                tracking.opens() ? LinkTokens.sign(linkKey, LinkTokens.OPEN, deliveryId) : "",
                tracking.clicks() ? LinkTokens.sign(linkKey, LinkTokens.CLICK, deliveryId) : "");
    }

    /** The block's accounts' own tracking choices; a category without one has its default. */
    private Map<AccountTracking.Key, TrackingChoice> trackingChoices(List<Delivery> deliveries) {
        return em.createNamedQuery(AccountTracking.OF_ACCOUNTS, AccountTracking.class)
                .setParameter("accountIds", deliveries.stream().map(Delivery::getAccountId).distinct().toList())
                .getResultStream().collect(Collectors.toMap(t -> new AccountTracking.Key(t.getAccountId(), t.getCategory()),
                        AccountTracking::choice));
    }

    /** What is tracked in a message: nothing without an HTML body (text is never rewritten, see TrackedHtml). */
    private static TrackingChoice tracking(Map<AccountTracking.Key, TrackingChoice> chosen, Message message,
                                           MessageContent content) {
        if (content == null || content.getHtmlBody() == null || content.getHtmlBody().isBlank()
                || message.isTrackingRefused()) { // a serial mail to a contact without tracking consent
            return TrackingChoice.NONE;
        }
        return chosen.getOrDefault(new AccountTracking.Key(message.getAccountId(), message.getCategory()),
                TrackingChoice.byDefault(message.getCategory()));
    }

    /** The To or Cc recipients one delivery's copy shows: a resend its own recipient, others the message's list. */
    private static List<MimeRenderer.Visible> shown(Delivery d, List<Delivery> recipients, RecipientType type) {
        if (d.getResendOf() != null && d.getRecipientType() != RecipientType.BCC) {
            // A resend (perhaps to a corrected address) shows its own recipient, not the original list.
            return d.getRecipientType() == type ? List.of(new MimeRenderer.Visible(d.getAddress(), d.getDisplayName())) : List.of();
        }
        return visible(recipients, type);
    }

    private static String publicUrl() {
        return Settings.string("distman.public.url", "http://localhost:8080/distman");
    }

    /**
     * RFC 2369 and RFC 8058: an https link that unsubscribes with one POST (mail clients show an
     * "Unsubscribe" button for it) and a mailto alternative, both carrying a signed token.
     */
    private static String unsubscribeHeaders(KeyVersion linkKey, String returnPath, Delivery d) {
        String token = LinkTokens.sign(linkKey, LinkTokens.UNSUBSCRIBE, d.getId());
        String base = publicUrl();
        String domain = returnPath.substring(returnPath.indexOf('@') + 1);
        return "List-Unsubscribe: <" + base + "/api/v1/unsubscribe/" + token + ">, <mailto:unsubscribe+" + token + "@" + domain
                + "?subject=unsubscribe>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
    }

    private static List<MimeRenderer.Visible> visible(List<Delivery> recipients, RecipientType type) {
        return recipients.stream().filter(d -> d.getRecipientType() == type)
                .map(d -> new MimeRenderer.Visible(d.getAddress(), d.getDisplayName())).toList();
    }

    /**
     * The per-delivery return path: {@code bounce+<token>@<bounce domain>}. A bounce comes back to
     * it, and the token names the delivery without a database id in the clear.
     */
    static String returnPath(Account account, Delivery delivery) {
        String domain = account.getBounceDomain() != null ? account.getBounceDomain()
                : Settings.string("distman.bounce.domain", domainOf(delivery.getMessage().getSenderAddress()));
        return "bounce+" + delivery.getReturnToken() + "@" + domain;
    }

    private static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
