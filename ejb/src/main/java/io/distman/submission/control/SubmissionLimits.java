package io.distman.submission.control;

import io.distman.platform.boundary.Settings;

/** Size limits of a submission; installation-wide, set by system properties. */
public record SubmissionLimits(long maxAttachmentBytes, long maxTotalAttachmentBytes, int maxRecipients,
                               int maxBodyChars) {

    public static SubmissionLimits fromSettings() {
        return new SubmissionLimits(
                Settings.longValue("distman.submit.maxAttachmentBytes", 10L * 1024 * 1024),
                Settings.longValue("distman.submit.maxTotalAttachmentBytes", 25L * 1024 * 1024),
                (int) Settings.longValue("distman.submit.maxRecipients", 500),
                (int) Settings.longValue("distman.submit.maxBodyChars", 5 * 1024 * 1024));
    }

    /**
     * The largest request body the submission API reads ({@code distman.submit.maxRequestBytes}); by default
     * what the other limits allow: every attachment in base64 (4 bytes for 3), the HTML and the text body at
     * up to 4 bytes a character, and 1 MiB for recipients, headers and the JSON around them.
     */
    public long maxRequestBytes() {
        long base64 = (maxTotalAttachmentBytes + 2) / 3 * 4;
        return Settings.longValue("distman.submit.maxRequestBytes", base64 + 2L * 4 * maxBodyChars + 1024 * 1024);
    }

    /** The most requests one batch submission may carry ({@code distman.submit.maxBatch}, default 500). */
    public int maxBatch() {
        return (int) Settings.longValue("distman.submit.maxBatch", 500);
    }
}
