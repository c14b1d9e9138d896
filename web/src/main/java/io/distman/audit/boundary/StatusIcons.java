package io.distman.audit.boundary;

import io.distman.message.entity.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * One icon per delivery status (PrimeIcons), coloured by what it means for the agent, so Email Audit,
 * Queue and History show a status the same way: {@code #{statusIcons.icon(row.status())}}, with its label
 * {@code #{statusIcons.label(...)}} for the places that hold a status by name.
 */
@Named
@ApplicationScoped
public class StatusIcons {

    /** The icon and colour classes of a status: green for good news, red for a failure, amber for on its way. */
    public String icon(DeliveryStatus status) {
        return switch (status) {
            case ACCEPTED -> "pi pi-send dm-status-good";
            case DELIVERED -> "pi pi-check dm-status-good";
            case OPENED -> "pi pi-eye dm-status-good";
            case CLICKED -> "pi pi-external-link dm-status-good";
            case FAILED, EMAIL_MISSING -> "pi pi-times-circle dm-status-bad";
            case REJECTED -> "pi pi-ban dm-status-bad";
            case COMPLAINED -> "pi pi-flag dm-status-bad";
            case UNSUBSCRIBED, OPTED_OUT, SUPPRESSED -> "pi pi-user-minus dm-status-bad";
            case PENDING, SCHEDULED, PENDING_DIGEST -> "pi pi-clock dm-status-wait";
            case SENDING -> "pi pi-spinner dm-status-wait";
            case TEMPORARY_FAILURE -> "pi pi-refresh dm-status-wait";
            case CANCELLED -> "pi pi-minus-circle dm-status-off";
            case PRINTED -> "pi pi-print dm-status-good";
        };
    }

    /**
     * What an agent reads for a status ({@link DeliveryStatus#label()}), given as the enum or as its name (the
     * forms that keep names); null (a queue-stuck notification has no status) gives "".
     */
    public String label(Object status) {
        if (status == null) {
            return "";
        }
        return status instanceof DeliveryStatus s ? s.label() : DeliveryStatus.valueOf(status.toString()).label();
    }

    /** The statuses of a legend, in the enum's order (a screen passes the ones it lists). */
    public List<DeliveryStatus> legend(Collection<DeliveryStatus> statuses) {
        return Arrays.stream(DeliveryStatus.values()).filter(statuses::contains).toList();
    }
}
