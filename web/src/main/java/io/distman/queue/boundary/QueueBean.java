package io.distman.queue.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.audit.boundary.AuditBean;
import io.distman.audit.boundary.AuditColumns;
import io.distman.audit.boundary.CountedRows;
import io.distman.audit.entity.AuditSort;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusGroups;
import io.distman.queue.entity.QueueOutcome;
import io.distman.queue.entity.QueueRow;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.primefaces.model.SortMeta;

/**
 * The Queue page: the account's mail that has not gone yet, lazily paged with the exact count, and the
 * actions (send now, retry now, cancel) on one row or on the ticked rows. The account is the signed-in
 * user's; the ids come from the page and are checked against that account by the EJB.
 */
@Named("queue")
@ViewScoped
public class QueueBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    EmailQueue queue;

    @Inject
    CurrentUser currentUser;

    private DeliveryStatus[] statuses = new DeliveryStatus[0];
    private List<QueueRow> selected = new ArrayList<>();
    /** Each page and the exact count are queries of the signed-in user's account. */
    private final CountedRows<QueueRow> rows = new CountedRows<>(() -> List.of(currentUser.accountId(), picked()),
            () -> queue.count(currentUser.accountId(), picked()), this::page, QueueRow::deliveryId);

    /** One of the EJB's bulk actions: (account, delivery ids) to what became of each; the EJB names the signed-in user. */
    private interface Action {
        QueueOutcome apply(long accountId, Collection<Long> deliveryIds);
    }

    public void search() {
        rows.restart(":queue:rows");
        selected = new ArrayList<>();
    }

    public void sendNow(QueueRow row) {
        act(List.of(row.deliveryId()), queue::sendNow, "sent now", "On their way: they leave within seconds.");
    }

    public void sendNowSelected() {
        act(selectedIds(), queue::sendNow, "sent now", "On their way: they leave within seconds.");
    }

    public void retryNow(QueueRow row) {
        act(List.of(row.deliveryId()), queue::retryNow, "due now", "They go with the next dispatch run.");
    }

    public void retryNowSelected() {
        act(selectedIds(), queue::retryNow, "due now", "They go with the next dispatch run.");
    }

    public void cancel(QueueRow row) {
        act(List.of(row.deliveryId()), queue::cancel, "cancelled", "They will not be sent.");
    }

    public void cancelSelected() {
        act(selectedIds(), queue::cancel, "cancelled", "They will not be sent.");
    }

    private List<Long> selectedIds() {
        return selected == null ? List.of() : selected.stream().map(QueueRow::deliveryId).toList();
    }

    /** Runs the action and says under the buttons how many were done and why the others were refused. */
    private void act(List<Long> ids, Action action, String done, String next) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (ids.isEmpty()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, "Nothing ticked", "Tick the rows first."));
            return;
        }
        QueueOutcome outcome = action.apply(currentUser.accountId(), ids);
        String summary = outcome.done().size() + " of " + ids.size() + " " + done + ". ";
        // One sentence as both summary and detail (the page skips the repeated detail): PrimeFaces writes the
        // two side by side with nothing between them, which read "2 of 2 sent nowOn their way".
        String text = outcome.refused().isEmpty() ? summary + next
                : summary + outcome.refused().size() + " refused (" + outcome.refusalSummary() + ").";
        faces.addMessage(null, new FacesMessage(outcome.refused().isEmpty() ? FacesMessage.SEVERITY_INFO
                : FacesMessage.SEVERITY_WARN, text, text));
        rows.recount();
        selected = new ArrayList<>();
    }

    /** Only the queued statuses can be picked: the Queue never lists anything else. */
    public List<DeliveryStatus> getQueuedStatuses() {
        return List.copyOf(EnumSet.copyOf(StatusGroups.QUEUED));
    }

    private Set<DeliveryStatus> picked() {
        return statuses.length == 0 ? Set.of() : EnumSet.copyOf(List.of(statuses));
    }

    public String time(Instant at) {
        return at == null ? "" : AuditColumns.time(at, ZoneId.systemDefault());
    }

    private List<QueueRow> page(int first, int size, SortMeta sort) {
        AuditSort by = sort == null ? AuditSort.CREATED : AuditBean.sortOf(sort.getField());
        return queue.page(currentUser.accountId(), picked(), by, sort != null && sort.getOrder().isAscending(), first, size);
    }

    public CountedRows<QueueRow> getRows() { return rows; }
    /** An array, not a List: Faces converts the checkbox values to the enum only for arrays. */
    public DeliveryStatus[] getStatuses() { return statuses; }
    public void setStatuses(DeliveryStatus[] statuses) { this.statuses = statuses == null ? new DeliveryStatus[0] : statuses; }
    public List<QueueRow> getSelected() { return selected; }
    public void setSelected(List<QueueRow> selected) { this.selected = selected == null ? new ArrayList<>() : selected; }
}
