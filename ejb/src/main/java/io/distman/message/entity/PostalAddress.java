package io.distman.message.entity;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a letter to the recipient goes by post: the lines a windowed envelope shows. A small value type
 * shared by the submission (the caller gives it), the delivery's stored copy and the print queue (which
 * lays it out). The bounds are here so that the validator and the stored columns agree.
 */
public final class PostalAddress implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int MAX_LINES = 3;
    public static final int MAX_LINE = 80;
    public static final int MAX_POSTCODE = 16;
    public static final int MAX_TOWN = 80;
    public static final int MAX_COUNTRY = 60;

    private final List<String> nameLines;
    private final List<String> streetLines;
    private final String postcode;
    private final String town;
    private final String country;

    @JsonbCreator
    public PostalAddress(@JsonbProperty("nameLines") List<String> nameLines,
                         @JsonbProperty("streetLines") List<String> streetLines,
                         @JsonbProperty("postcode") String postcode,
                         @JsonbProperty("town") String town,
                         @JsonbProperty("country") String country) {
        this.nameLines = nameLines == null ? List.of() : new ArrayList<>(nameLines);
        this.streetLines = streetLines == null ? List.of() : new ArrayList<>(streetLines);
        this.postcode = postcode;
        this.town = town;
        this.country = country;
    }

    public List<String> nameLines() { return nameLines; }
    public List<String> streetLines() { return streetLines; }
    public String postcode() { return postcode; }
    public String town() { return town; }
    public String country() { return country; }

    // JSON-B serialises through getters; these keep the wire names the same as the creator's.
    public List<String> getNameLines() { return nameLines; }
    public List<String> getStreetLines() { return streetLines; }
    public String getPostcode() { return postcode; }
    public String getTown() { return town; }
    public String getCountry() { return country; }

    /**
     * The block as printed in the envelope window, top to bottom: the name lines (or {@code fallbackName} when
     * there are none), the street lines, "postcode town", and the country when given. Blank lines are left out.
     */
    public List<String> windowLines(String fallbackName) {
        List<String> lines = new ArrayList<>();
        List<String> names = nonBlank(nameLines);
        if (names.isEmpty() && fallbackName != null && !fallbackName.isBlank()) {
            names = List.of(fallbackName.strip());
        }
        lines.addAll(names);
        lines.addAll(nonBlank(streetLines));
        String townLine = ((postcode == null ? "" : postcode.strip()) + " " + (town == null ? "" : town.strip())).strip();
        if (!townLine.isEmpty()) {
            lines.add(townLine);
        }
        if (country != null && !country.isBlank()) {
            lines.add(country.strip().toUpperCase(java.util.Locale.ROOT));
        }
        return lines;
    }

    private static List<String> nonBlank(List<String> lines) {
        return lines.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PostalAddress o && nameLines.equals(o.nameLines) && streetLines.equals(o.streetLines)
                && Objects.equals(postcode, o.postcode) && Objects.equals(town, o.town) && Objects.equals(country, o.country);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nameLines, streetLines, postcode, town, country);
    }

    @Override
    public String toString() {
        return "PostalAddress" + windowLines(null);
    }
}
