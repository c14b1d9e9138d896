package io.distman.tracking.boundary;

import io.distman.bounce.entity.HeaderBlock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises mail sent to the mailto address of a BULK mail's List-Unsubscribe header,
 * {@code unsubscribe+<token>@<bounce domain>}, and reads its token. Only the message's own recipient
 * headers count, never its body: a bounce of a BULK mail quotes that mail's List-Unsubscribe header,
 * and must stay a bounce.
 */
public final class UnsubscribeRequests {

    /** The local part is ours; the token is base64url (see {@link LinkTokens}), so its case matters. */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![A-Za-z0-9._%+\\-])(?i:(unsubscribe|bounce))\\+([A-Za-z0-9_\\-]+)@[A-Za-z0-9.\\-]+");

    /** Where a delivery agent puts the envelope recipient, then where the sender put it. */
    private static final List<String> RECIPIENT_HEADERS = List.of(
            "x-original-to", "delivered-to", "envelope-to", "x-envelope-to", "to", "cc");

    private static final int MAX_HEADER_BYTES = 256 * 1024;

    private UnsubscribeRequests() {
    }

    /**
     * @return the token when the first of our addresses among the recipient headers is an unsubscribe
     *         address, else empty (a bounce to {@code bounce+…} named first wins, as do messages to neither)
     */
    public static String token(byte[] rawMime) {
        HeaderBlock headers = HeaderBlock.parse(new String(rawMime, 0, Math.min(rawMime.length, MAX_HEADER_BYTES),
                StandardCharsets.ISO_8859_1));
        for (String name : RECIPIENT_HEADERS) {
            for (String value : headers.all(name)) {
                Matcher m = ADDRESS.matcher(value);
                if (m.find()) {
                    return m.group(1).equalsIgnoreCase("unsubscribe") ? m.group(2) : "";
                }
            }
        }
        return "";
    }
}
