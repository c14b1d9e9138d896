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
}
