package io.distman.message.entity;

/** Why a message is sent; it decides which opt-outs, unsubscribes and tracking apply. */
public enum Category {
    /** Triggered by something the recipient did or is owed (ticket update, receipt). */
    TRANSACTIONAL,
    /** Must reach the recipient whatever their preferences (demand, legal notice). */
    ESSENTIAL,
    /** Newsletters and mailings; subject to unsubscribe. */
    BULK
}
