package io.distman.serial.entity;

import java.io.Serializable;

/**
 * What is merged per recipient: a subject and an HTML and/or text body, each a Pebble template, and the signature
 * chosen for the mailing ({@code signatureHtml} already sanitised, inserted unescaped; both null: none). The
 * signature is never a template: text in it that looks like {@code {{ }}} stays text.
 */
public record MergeSource(String subject, String htmlBody, String textBody, String signatureHtml, String signatureText)
        implements Serializable {

    /** Without a signature: what a caller writes; the signature is always the store's, set by {@link #signed}. */
    public MergeSource(String subject, String htmlBody, String textBody) {
        this(subject, htmlBody, textBody, null, null);
    }

    public MergeSource signed(SignatureView signature) {
        return signature == null ? new MergeSource(subject, htmlBody, textBody)
                : new MergeSource(subject, htmlBody, textBody, signature.htmlBody(), signature.textBody());
    }
}
