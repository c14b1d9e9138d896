package io.distman.audit.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazy PrimeFaces table over database pages of one account's deliveries (Email Audit, Queue, History):
 * each page is a query, and the exact total is counted once per filter, not again for every page or sort.
 * The functions are serializable because the view-scoped beans holding this model may be serialized.
 *
 * @param <R> the row record
 */
public final class CountedRows<R> extends LazyDataModel<R> {

    private static final long serialVersionUID = 1L;

    /** What the count depends on (filter, account): when it changes, the rows are counted again. */
    public interface Key extends Serializable {
        Object get();
    }

    public interface Count extends Serializable {
        long get();
    }

    /** One page; {@code sort} is null when the user has not sorted. */
    public interface Page<R> extends Serializable {
        List<R> of(int first, int size, SortMeta sort);
    }

    /** The row's delivery id, its key for selection. */
    public interface Id<R> extends Serializable {
        long of(R row);
    }

    private final Key key;
    private final Count counter;
    private final Page<R> page;
    private final Id<R> id;
    private long total;
    /** The key {@link #total} was counted for; null: count again. */
    private Object counted;

    public CountedRows(Key key, Count counter, Page<R> page, Id<R> id) {
        this.key = key;
        this.counter = counter;
        this.page = page;
        this.id = id;
    }

    /** Counts again at the next request (after a new search, or an action that changed rows). */
    public void recount() {
        counted = null;
    }

    /** A new search: count again, and show the first page of the table ({@code ":form:table"}). */
    public void restart(String tableId) {
        recount();
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent(tableId) instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    /** Tells the user (growl) when the date range ends before it starts; the query then takes one day. */
    public static void warnIfReversed(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Date range", "'To date' is before 'From date'."));
        }
    }

    public long getTotal() {
        return total;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        Object now = key.get();
        if (counted == null || !Objects.equals(now, counted)) {
            total = counter.get();
            counted = now;
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    @Override
    public List<R> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta meta = sortBy.values().stream().findFirst().orElse(null);
        boolean unsorted = meta == null || meta.getOrder() == null || meta.getOrder().isUnsorted();
        return page.of(first, pageSize, unsorted ? null : meta);
    }

    @Override
    public String getRowKey(R row) {
        return String.valueOf(id.of(row));
    }

    @Override
    public R getRowData(String rowKey) {
        List<R> rows = getWrappedData();
        return rows == null ? null : rows.stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
    }
}
