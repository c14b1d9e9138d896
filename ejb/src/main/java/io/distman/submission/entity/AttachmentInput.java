package io.distman.submission.entity;

import java.io.Serializable;

/** A file to attach, e.g. the PDF of a demand letter. */
public record AttachmentInput(String filename, String contentType, byte[] content) implements Serializable {
}
