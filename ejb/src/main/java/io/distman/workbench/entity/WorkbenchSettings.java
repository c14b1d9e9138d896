package io.distman.workbench.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account's workbench switches, set by its admins; without a row every switch is off. */
@Entity
@Table(name = "workbench_settings")
public class WorkbenchSettings {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "failure_widget", nullable = false)
    private boolean failureWidget;

    @Column(name = "changed_by", nullable = false, length = 100)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected WorkbenchSettings() {
    }

    public WorkbenchSettings(long accountId) {
        this.accountId = accountId;
    }

    public void showFailureWidget(boolean show, String username, Instant at) {
        this.failureWidget = show;
        this.changedBy = username;
        this.changedAt = at;
    }

    public WidgetSetting view() {
        return new WidgetSetting(accountId, failureWidget, changedBy, changedAt);
    }
}
