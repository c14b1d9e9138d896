package io.distman.audit.boundary;

import io.distman.account.boundary.AccountService;
import io.distman.account.boundary.CurrentUser;
import io.distman.account.entity.AppUser;
import io.distman.audit.control.AuditColumns;
import io.distman.audit.entity.AuditFilter;
import io.distman.audit.entity.AuditRow;
import io.distman.audit.entity.AuditSort;
import io.distman.message.entity.DeliveryStatus;
import jakarta.annotation.PostConstruct;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The Email Audit page: the filter toolbar, the lazily paged table (each page and the exact count are
 * database queries of the signed-in user's account) and the export links, which carry the same filter.
 */
@Named("audit")
@ViewScoped
public class AuditBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    EmailAudit audit;

    @EJB
    AccountService accounts;

    @Inject
    CurrentUser currentUser;

    private String raisedBy;
    private DeliveryStatus[] statuses = new DeliveryStatus[0];
    private String address;
    private LocalDate from;
    private LocalDate to;
    private AuditSort sort = AuditSort.CREATED;
    private boolean ascending;
    private long total;
    /** The filter {@link #total} was counted for: paging and sorting need no new count, a new search does. */
    private AuditFilter counted;
    private final Rows rows = new Rows();

    /** Reads the view parameters (links from other screens) when the page is first opened. */
    @PostConstruct
    void onLoad() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.isPostback()) {
            return;
        }
        try {
            AuditParameters p = AuditParameters.parse(faces.getExternalContext().getRequestParameterValuesMap(),
                    LocalDate.now(zone()));
            raisedBy = p.raisedBy();
            statuses = p.statuses().toArray(DeliveryStatus[]::new);
            address = p.address();
            from = p.from();
            to = p.to();
        } catch (IllegalArgumentException e) {
            from = LocalDate.now(zone());
            to = from;
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, "Filter not understood", e.getMessage()));
        }
    }

    /** The search button: a new filter starts on page one. */
    public void search() {
        counted = null;
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent(":audit:rows") instanceof DataTable table) {
            table.setFirst(0);
        }
        if (from != null && to != null && to.isBefore(from)) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Date range", "'To' is before 'from'."));
        }
    }

    AuditParameters parameters() {
        LocalDate today = LocalDate.now(zone());
        LocalDate start = from == null ? (to == null ? today : to) : from;
        LocalDate end = to == null ? start : to;
        if (end.isBefore(start)) {
            end = start;
        }
        return new AuditParameters(raisedBy, statuses.length == 0 ? EnumSet.noneOf(DeliveryStatus.class)
                : EnumSet.copyOf(List.of(statuses)), address, start, end, sort, ascending);
    }

    private AuditFilter filter() {
        return parameters().filter(zone());
    }

    /** The export's URL (context-relative) for the filter the table shows, e.g. {@code exportUrl('xlsx')}. */
    public String exportUrl(String format) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + AuditExportServlet.path(format, parameters());
    }

    /** Suggestions for "raised by": the account's users; any other name may be typed too. */
    public List<String> completeRaisedBy(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return accounts.users(currentUser.accountId()).stream().map(AppUser::getUsername)
                .filter(u -> u.toLowerCase(Locale.ROOT).contains(q)).sorted().limit(20).toList();
    }

    public DeliveryStatus[] getAllStatuses() {
        return DeliveryStatus.values();
    }

    /** The status icon: green tick for good news, red cross for a failure, amber clock for still on its way. */
    public String icon(DeliveryStatus status) {
        return switch (status) {
            case ACCEPTED, DELIVERED, OPENED, CLICKED -> "pi pi-check dm-status-good";
            case FAILED, REJECTED, COMPLAINED, EMAIL_MISSING, SUPPRESSED, UNSUBSCRIBED, OPTED_OUT -> "pi pi-times dm-status-bad";
            case PENDING, SCHEDULED, SENDING, TEMPORARY_FAILURE, PENDING_DIGEST -> "pi pi-clock dm-status-wait";
            case CANCELLED -> "pi pi-ban dm-status-off";
        };
    }

    /** Times in the server's zone, as the date filter and the exports use them. */
    public String time(Instant at) {
        return AuditColumns.time(at, zone());
    }

    private static ZoneId zone() {
        return AuditParameters.zone();
    }

    /** The table's model: PrimeFaces asks for one page and the count; both go to the database. */
    public class Rows extends LazyDataModel<AuditRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            AuditFilter filter = filter().sortedBy(AuditSort.CREATED, false);
            if (!filter.equals(counted)) {
                total = audit.count(currentUser.accountId(), filter);
                counted = filter;
            }
            return (int) Math.min(Integer.MAX_VALUE, total);
        }

        @Override
        public List<AuditRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            SortMeta meta = sortBy.values().stream().findFirst().orElse(null);
            if (meta == null || meta.getOrder() == null || meta.getOrder().isUnsorted()) {
                sort = AuditSort.CREATED;
                ascending = false;
            } else {
                sort = sortOf(meta.getField());
                ascending = meta.getOrder().isAscending();
            }
            return audit.page(currentUser.accountId(), filter(), first, pageSize);
        }

        @Override
        public String getRowKey(AuditRow row) {
            return String.valueOf(row.deliveryId());
        }

        @Override
        public AuditRow getRowData(String rowKey) {
            List<AuditRow> page = getWrappedData();
            return page == null ? null : page.stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
        }
    }

    /** The table's column fields, mapped to the sort whitelist; anything else sorts by date. */
    static AuditSort sortOf(String field) {
        return switch (field == null ? "" : field) {
            case "raisedBy" -> AuditSort.RAISED_BY;
            case "address" -> AuditSort.TO;
            case "subject" -> AuditSort.SUBJECT;
            case "status" -> AuditSort.STATUS;
            case "statusAt" -> AuditSort.STATUS_AT;
            default -> AuditSort.CREATED;
        };
    }

    public Rows getRows() { return rows; }
    public long getTotal() { return total; }
    public String getRaisedBy() { return raisedBy; }
    public void setRaisedBy(String raisedBy) { this.raisedBy = raisedBy; }
    /** An array, not a List: Faces converts the checkbox values to the enum only for arrays. */
    public DeliveryStatus[] getStatuses() { return statuses; }
    public void setStatuses(DeliveryStatus[] statuses) { this.statuses = statuses == null ? new DeliveryStatus[0] : statuses; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
