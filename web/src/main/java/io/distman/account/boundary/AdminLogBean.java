package io.distman.account.boundary;

import io.distman.adminlog.entity.AdminChangeRow;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The admin log screen (/app/admin/log.xhtml): the account's changes, newest first, a page at a time. */
@Named("adminLog")
@ViewScoped
public class AdminLogBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @EJB
    AccountAdmin admin;

    @Inject
    CurrentUser currentUser;

    private final LazyDataModel<AdminChangeRow> rows = new Changes();

    public LazyDataModel<AdminChangeRow> getRows() {
        return rows;
    }

    public String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(ZoneId.systemDefault()));
    }

    /** Fetched from AccountAdmin as the table pages; the order is the log's (newest first), not the table's. */
    private final class Changes extends LazyDataModel<AdminChangeRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) admin.logCount(currentUser.accountId());
        }

        @Override
        public List<AdminChangeRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return admin.log(currentUser.accountId(), first, pageSize);
        }

        @Override
        public String getRowKey(AdminChangeRow row) {
            return String.valueOf(row.id());
        }

        @Override
        public AdminChangeRow getRowData(String rowKey) {
            return getWrappedData().stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
        }
    }
}
