package io.distman.print.control;

import java.util.List;

/**
 * One letter as it is laid out: everything the page needs, already taken from the delivery, so the layout
 * reads no database and can be tested alone.
 *
 * @param returnLine  the sender's return line printed small above the address (DIN 5008 remark zone)
 * @param windowLines the recipient's address, top to bottom, as the envelope window shows it
 * @param paragraphs  the body, one string per paragraph (line breaks inside are kept)
 * @param enclosures  the attachments, in the order they were attached
 */
public record Letter(long deliveryId, String returnLine, List<String> windowLines, String dateLine, String subject,
                     List<String> paragraphs, List<Enclosure> enclosures) {

    /** An attachment: a PDF is appended page by page, an image placed on a page, anything else only named. */
    public record Enclosure(String filename, String contentType, byte[] content) {

        public boolean pdf() {
            return type().equals("application/pdf") || filename.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf");
        }

        public boolean image() {
            return List.of("image/png", "image/jpeg", "image/jpg", "image/gif").contains(type());
        }

        private String type() {
            String t = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
            int semicolon = t.indexOf(';');
            return (semicolon < 0 ? t : t.substring(0, semicolon)).strip();
        }
    }
}
