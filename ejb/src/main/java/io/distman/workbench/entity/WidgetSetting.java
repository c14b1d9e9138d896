package io.distman.workbench.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * Whether the account's workbench shows the failure widget, and who last changed that (null when no
 * admin ever has: the widget is off).
 */
public record WidgetSetting(long accountId, boolean enabled, String changedBy, Instant changedAt) implements Serializable {

    public static WidgetSetting off(long accountId) {
        return new WidgetSetting(accountId, false, null, null);
    }
}
