package io.distman.serial.entity;

import java.io.Serializable;
import java.util.Map;

/**
 * Before sending: how many contacts the selection holds, how many will get mail, and why the others will not.
 * {@code warning} is set when newsletter sending is off: contacts who declined the newsletter are written to.
 */
public record MailingCount(int selected, int willReceive, Map<RecipientOutcome, Integer> notReceiving, String warning)
        implements Serializable {
}
