package io.distman.print.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.audit.boundary.AuditColumns;
import io.distman.print.entity.PrintRefusedException;
import io.distman.print.entity.PrintRow;
import io.distman.queue.entity.QueueOutcome;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The print-queue screen: the signed-in account's letters to print (or, switched, those printed, to print again),
 * one merged PDF of the ticked ones, then "Mark printed" or "Remove". Also the "Send to print queue" action of the
 * Email Audit's rows. The ids come from the page; the EJB checks each against the account.
 */
@Named("printQueue")
@ViewScoped
public class PrintQueueBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    PrintQueue printQueue;

    @Inject
    CurrentUser currentUser;

    private boolean printed;
    private List<PrintRow> rows;
    private long total;
    private List<PrintRow> selected = new ArrayList<>();

    private interface Action {
        QueueOutcome apply(long accountId, Collection<Long> deliveryIds);
    }

    public List<PrintRow> getRows() {
        if (rows == null) {
            rows = printQueue.rows(currentUser.accountId(), printed);
            total = printQueue.count(currentUser.accountId(), printed);
        }
        return rows;
    }

    /** Switches between the letters to print and those printed. */
    public void show() {
        rows = null;
        selected = new ArrayList<>();
    }

    public void markPrinted() {
        act(queueIds(), printQueue::markPrinted, "marked printed", "Their timelines say who printed them and when.");
    }

    public void remove() {
        act(queueIds(), printQueue::remove, "removed from the print queue", "They stay as they were.");
    }

    /** The Email Audit's row action. */
    public void add(long deliveryId) {
        act(List.of(deliveryId), printQueue::queue, "sent to the print queue", "Print it from Email > Print queue.");
    }

    /**
     * Answers the ticked letters' PDF in place of the page (a plain, non-AJAX submit); a selection that cannot be
     * printed stays on the page with the reason.
     */
    public void pdf() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        List<Long> ids = queueIds();
        try {
            printQueue.checkSelection(currentUser.accountId(), ids);
        } catch (PrintRefusedException e) {
            say(FacesMessage.SEVERITY_WARN, "Not printed: " + e.getMessage() + ".");
            return;
        }
        ExternalContext response = faces.getExternalContext();
        response.responseReset();
        response.setResponseContentType("application/pdf");
        response.setResponseHeader("Content-Disposition", "attachment; filename=\"letters.pdf\"");
        printQueue.writePdf(currentUser.accountId(), ids, ZoneId.systemDefault(), response.getResponseOutputStream());
        faces.responseComplete();
    }

    private List<Long> queueIds() {
        return selected == null ? List.of() : selected.stream().map(PrintRow::deliveryId).toList();
    }

    private void act(List<Long> ids, Action action, String done, String next) {
        if (ids.isEmpty()) {
            say(FacesMessage.SEVERITY_WARN, "Nothing ticked: tick the letters first.");
            return;
        }
        QueueOutcome outcome;
        try {
            outcome = action.apply(currentUser.accountId(), ids);
        } catch (PrintRefusedException e) {
            say(FacesMessage.SEVERITY_WARN, e.getMessage() + ".");
            return;
        }
        String summary = outcome.done().size() + " of " + ids.size() + " " + done + ". ";
        say(outcome.refused().isEmpty() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
                outcome.refused().isEmpty() ? summary + next
                        : summary + outcome.refused().size() + " refused (" + outcome.refusalSummary() + ").");
        show();
    }

    private static void say(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, text));
    }

    public String time(Instant at) {
        return at == null ? "" : AuditColumns.time(at, ZoneId.systemDefault());
    }

    public long getTotal() {
        getRows();
        return total;
    }

    public int getMaxRows() { return PrintQueue.MAX_ROWS; }
    public int getMaxSelection() { return PrintQueue.MAX_SELECTION; }
    public boolean isPrinted() { return printed; }
    public void setPrinted(boolean printed) { this.printed = printed; }
    public List<PrintRow> getSelected() { return selected; }
    public void setSelected(List<PrintRow> selected) { this.selected = selected == null ? new ArrayList<>() : selected; }
}
