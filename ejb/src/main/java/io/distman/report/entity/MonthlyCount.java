package io.distman.report.entity;

import io.distman.message.entity.DeliveryStatus;
import java.io.Serializable;
import java.time.YearMonth;

/** How many deliveries of the account were created in one month with one current status from one source module. */
public record MonthlyCount(YearMonth month, DeliveryStatus status, String sourceModule, long count) implements Serializable {

    /** The source module as the report shows it: mail submitted without one is "(none)". */
    public String source() {
        return sourceModule == null || sourceModule.isBlank() ? "(none)" : sourceModule;
    }
}
