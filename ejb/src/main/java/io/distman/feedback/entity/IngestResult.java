package io.distman.feedback.entity;

/** What became of a webhook request's events. */
public record IngestResult(int matched, int unmatched, int duplicates) {
}
