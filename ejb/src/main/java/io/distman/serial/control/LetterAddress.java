package io.distman.serial.control;

import io.distman.directory.entity.Contact;
import io.distman.message.entity.PostalAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A contact's postal address as an envelope: the directory gives one line of text ("A-101, A House, 1 Harbour Road,
 * Northside"), the print queue wants name, street lines and town. The last comma-separated part is the town, the
 * parts before it the street lines (the surplus joined onto the last of {@value PostalAddress#MAX_LINES}), the
 * contact's name the name line. An address that makes no envelope submission would accept (no comma, a line too long)
 * gives none: the contact's mail is still made, and its letter is refused by the print queue as having no address.
 */
final class LetterAddress {

    private LetterAddress() {
    }

    static PostalAddress of(Contact contact) {
        String text = contact.postalAddress();
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> parts = Arrays.stream(text.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        if (parts.size() < 2) {
            return null;
        }
        String town = parts.get(parts.size() - 1);
        List<String> street = new ArrayList<>(parts.subList(0, Math.min(parts.size() - 1, PostalAddress.MAX_LINES)));
        if (parts.size() - 1 > PostalAddress.MAX_LINES) {
            street.set(street.size() - 1, String.join(", ", parts.subList(PostalAddress.MAX_LINES - 1, parts.size() - 1)));
        }
        String name = contact.name();
        List<String> names = name.isEmpty() ? List.of() : List.of(name);
        boolean fits = town.length() <= PostalAddress.MAX_TOWN && name.length() <= PostalAddress.MAX_LINE
                && street.stream().allMatch(line -> line.length() <= PostalAddress.MAX_LINE);
        return fits ? new PostalAddress(names, street, null, town, null) : null;
    }
}
