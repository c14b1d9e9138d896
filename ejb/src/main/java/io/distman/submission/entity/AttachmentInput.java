package io.distman.submission.entity;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.Serializable;

/** A file to attach, e.g. the PDF of a demand letter. */
public final class AttachmentInput implements Serializable {

    private static final long serialVersionUID = 1L;

    public final String filename;
    public final String contentType;
    public final byte[] content;

    @JsonbCreator
    public AttachmentInput(@JsonbProperty("filename") String filename,
            @JsonbProperty("contentType") String contentType,
            @JsonbProperty("content") byte[] content) {
        this.filename = filename;
        this.contentType = contentType;
        this.content = content;
    }

    public String filename() {
        return filename;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] content() {
        return content;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttachmentInput o && java.util.Objects.equals(filename, o.filename) && java.util.Objects.equals(contentType, o.contentType) && java.util.Arrays.equals(content, o.content);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(filename, contentType, java.util.Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "AttachmentInput[" + "filename=" + filename + ", " + "contentType=" + contentType + ", " + "content=" + content + "]";
    }

}
