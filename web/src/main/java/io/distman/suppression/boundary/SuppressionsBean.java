package io.distman.suppression.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.message.entity.Category;
import io.distman.platform.entity.NotFoundException;
import io.distman.suppression.entity.SuppressionAuditRow;
import io.distman.suppression.entity.SuppressionFilter;
import io.distman.suppression.entity.SuppressionRefusedException;
import io.distman.suppression.entity.SuppressionRow;
import io.distman.suppression.entity.SuppressionSort;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The support screen of the suppression list (/app/support/suppressions.xhtml): search it, see why an
 * address is on it, take an entry off with a note, add one by hand, and read the audit of those changes.
 * Always for the account of {@link CurrentUser}; the EJB filters every query by it.
 */
@Named("suppressions")
@ViewScoped
public class SuppressionsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    public static final List<String> REASONS = List.of("HARD_BOUNCE", "SOFT_BOUNCE", "COMPLAINT", "UNSUBSCRIBE",
            SuppressionAdmin.MANUAL);

    @EJB
    SuppressionAdmin admin;

    @Inject
    CurrentUser currentUser;

    private String addressPart;
    private String reason;
    private boolean activeOnly = true;
    private SuppressionSort sort = SuppressionSort.NEWEST;

    private SuppressionRow toRemove;
    private String removeNote;

    private String newAddress;
    private String newScope = "ALL";
    private LocalDate newExpires;
    private String newNote;

    private final LazyDataModel<SuppressionRow> rows = new Rows<>(
            (first, size) -> admin.page(currentUser.accountId(), filter(), first, size, sort),
            () -> (int) admin.count(currentUser.accountId(), filter()), SuppressionRow::id);

    private final LazyDataModel<SuppressionAuditRow> audit = new Rows<>(
            (first, size) -> admin.audit(currentUser.accountId(), first, size),
            () -> (int) admin.auditCount(currentUser.accountId()), SuppressionAuditRow::id);

    private SuppressionFilter filter() {
        return new SuppressionFilter(addressPart, reason, activeOnly);
    }

    /** A new search starts on the first page. */
    public void search() {
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent(":tabs:listForm:table") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    public void askRemove(SuppressionRow row) {
        toRemove = row;
        removeNote = null;
    }

    public void remove() {
        try {
            admin.remove(currentUser.accountId(), toRemove.id(), removeNote);
            info("Removed", toRemove.address() + " is no longer suppressed.");
            toRemove = null;
        } catch (SuppressionRefusedException | NotFoundException e) {
            refused(e instanceof NotFoundException ? "This entry is no longer on the list." : e.getMessage());
        }
    }

    public void askAdd() {
        newAddress = null;
        newScope = "ALL";
        newExpires = null;
        newNote = null;
    }

    public void add() {
        try {
            Category category = "BULK".equals(newScope) ? Category.BULK : null;
            // "Suppressed through" a day: up to the end of that day in the server's zone.
            Instant expires = newExpires == null ? null : newExpires.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
            SuppressionRow added = admin.add(currentUser.accountId(), newAddress, category, expires, newNote);
            info("Suppressed", added.address() + " is suppressed.");
        } catch (SuppressionRefusedException e) {
            refused(e.getMessage());
        }
    }

    public String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(ZoneId.systemDefault()));
    }

    private static void info(String summary, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, text));
    }

    /**
     * Shows why and keeps the dialog open (its oncomplete looks at validationFailed). One sentence as summary and
     * detail, the repeat skipped by the page: PrimeFaces writes the two side by side with nothing between them,
     * which read "Not changednot an address: ...".
     */
    private static void refused(String text) {
        FacesContext context = FacesContext.getCurrentInstance();
        String sentence = "Not changed: " + text;
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, sentence, sentence));
        context.validationFailed();
    }

    public LazyDataModel<SuppressionRow> getRows() { return rows; }
    public LazyDataModel<SuppressionAuditRow> getAudit() { return audit; }
    public List<String> getReasons() { return REASONS; }
    public SuppressionSort[] getSorts() { return SuppressionSort.values(); }
    public LocalDate getToday() { return LocalDate.now(); }

    public String getAddressPart() { return addressPart; }
    public void setAddressPart(String addressPart) { this.addressPart = addressPart; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public boolean isActiveOnly() { return activeOnly; }
    public void setActiveOnly(boolean activeOnly) { this.activeOnly = activeOnly; }
    public SuppressionSort getSort() { return sort; }
    public void setSort(SuppressionSort sort) { this.sort = sort; }
    public SuppressionRow getToRemove() { return toRemove; }
    public String getRemoveNote() { return removeNote; }
    public void setRemoveNote(String removeNote) { this.removeNote = removeNote; }
    public String getNewAddress() { return newAddress; }
    public void setNewAddress(String newAddress) { this.newAddress = newAddress; }
    public String getNewScope() { return newScope; }
    public void setNewScope(String newScope) { this.newScope = newScope; }
    public LocalDate getNewExpires() { return newExpires; }
    public void setNewExpires(LocalDate newExpires) { this.newExpires = newExpires; }
    public String getNewNote() { return newNote; }
    public void setNewNote(String newNote) { this.newNote = newNote; }

    /** A page of rows fetched from the EJB as the table asks for it; sorting and filtering are the bean's. */
    static final class Rows<T> extends LazyDataModel<T> {

        private static final long serialVersionUID = 1L;

        interface Page<T> extends Serializable {
            List<T> of(int first, int size);
        }

        interface Count extends Serializable {
            int get();
        }

        private final Page<T> page;
        private final Count count;
        private final SerializableKey<T> key;

        Rows(Page<T> page, Count count, SerializableKey<T> key) {
            this.page = page;
            this.count = count;
            this.key = key;
        }

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return count.get();
        }

        @Override
        public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return page.of(first, pageSize);
        }

        @Override
        public String getRowKey(T row) {
            return String.valueOf(key.id(row));
        }

        @Override
        public T getRowData(String rowKey) {
            return getWrappedData().stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
        }
    }

    interface SerializableKey<T> extends Serializable {
        long id(T row);
    }
}
