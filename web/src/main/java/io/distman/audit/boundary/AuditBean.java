package io.distman.audit.boundary;

import io.distman.account.boundary.AccountService;
import io.distman.account.boundary.CurrentUser;
import io.distman.account.entity.AppUser;
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
    /** Only serial mail: the messages of serial mailings. */
    private boolean serialOnly;
    private DeliveryStatus[] statuses = new DeliveryStatus[0];
    private String address;
    private LocalDate from;
    private LocalDate to;
    private AuditSort sort = AuditSort.CREATED;
    private boolean ascending;
    /** The table's model: each page and the exact count (once per filter, not per page) are database queries. */
    private final CountedRows<AuditRow> rows = new CountedRows<>(() -> filter().sortedBy(AuditSort.CREATED, false),
            () -> audit.count(currentUser.accountId(), filter()), this::page, AuditRow::deliveryId);

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
            serialOnly = p.serialOnly();
        } catch (IllegalArgumentException e) {
            from = LocalDate.now(zone());
            to = from;
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, "Filter not understood", e.getMessage()));
        }
    }

    /** The search button: a new filter starts on page one. */
    public void search() {
        rows.restart(":audit:rows");
        CountedRows.warnIfReversed(from, to);
    }

    AuditParameters parameters() {
        LocalDate today = LocalDate.now(zone());
        LocalDate start = from == null ? (to == null ? today : to) : from;
        LocalDate end = to == null ? start : to;
        if (end.isBefore(start)) {
            end = start;
        }
        return new AuditParameters(raisedBy, statuses.length == 0 ? EnumSet.noneOf(DeliveryStatus.class)
                : EnumSet.copyOf(List.of(statuses)), address, start, end, sort, ascending, serialOnly);
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

    /** Times in the server's zone, as the date filter and the exports use them. */
    public String time(Instant at) {
        return AuditColumns.time(at, zone());
    }

    private static ZoneId zone() {
        return AuditParameters.zone();
    }

    /** A page in the column order the user picked (PrimeFaces remembers it; the exports follow it too). */
    private List<AuditRow> page(int first, int size, SortMeta meta) {
        sort = meta == null ? AuditSort.CREATED : sortOf(meta.getField());
        ascending = meta != null && meta.getOrder().isAscending();
        return audit.page(currentUser.accountId(), filter(), first, size);
    }

    /** The table's column fields (Audit and Queue), mapped to the sort whitelist; anything else sorts by date. */
    public static AuditSort sortOf(String field) {
        return switch (field == null ? "" : field) {
            case "raisedBy" -> AuditSort.RAISED_BY;
            case "address" -> AuditSort.TO;
            case "subject" -> AuditSort.SUBJECT;
            case "status" -> AuditSort.STATUS;
            case "statusAt" -> AuditSort.STATUS_AT;
            case "nextAttemptAt" -> AuditSort.NEXT_ATTEMPT;
            default -> AuditSort.CREATED;
        };
    }

    public CountedRows<AuditRow> getRows() { return rows; }
    public long getTotal() { return rows.getTotal(); }
    public boolean isSerialOnly() { return serialOnly; }
    public void setSerialOnly(boolean serialOnly) { this.serialOnly = serialOnly; }
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
