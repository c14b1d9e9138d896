package io.distman.preference.entity;

import java.io.Serializable;

/**
 * What support staff (screen or REST) set for one address. Strings, not parsed types, so that a bad weekday, time or
 * zone is refused naming its field rather than failing in the JSON binding.
 *
 * @param digestWeekday for WEEKLY: MONDAY..SUNDAY
 * @param digestTime    HH:mm, the local time in {@code digestZone}
 * @param digestZone    an IANA zone, e.g. Europe/London
 */
public record PreferenceInput(Boolean optedOut, String digest, String digestWeekday, String digestTime,
                              String digestZone) implements Serializable {
}
