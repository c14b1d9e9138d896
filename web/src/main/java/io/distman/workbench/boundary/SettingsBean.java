package io.distman.workbench.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.workbench.entity.WidgetSetting;
import io.distman.workbench.entity.WorkbenchSettingRefusedException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;

/** The admin's Settings page: switches the account's workbench widget on or off. */
@Named("settings")
@ViewScoped
public class SettingsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @EJB
    FailureWidget widget;

    @Inject
    CurrentUser currentUser;

    private WidgetSetting setting;
    private boolean failureWidget;

    @PostConstruct
    void load() {
        setting = widget.setting(currentUser.accountId());
        failureWidget = setting.enabled();
    }

    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            setting = widget.enable(currentUser.accountId(), failureWidget);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Saved",
                    "The failure widget is " + (setting.enabled() ? "on" : "off") + " for " + currentUser.getAccount().name() + "."));
        } catch (WorkbenchSettingRefusedException e) {
            failureWidget = setting.enabled();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not allowed", e.getMessage()));
        }
    }

    /** "by adam, 2026-11-23 18:40", or null when no admin ever changed it. */
    public String getChanged() {
        return setting.changedBy() == null ? null : "by " + setting.changedBy() + ", "
                + WHEN.format(setting.changedAt().atZone(io.distman.audit.boundary.AuditParameters.zone()));
    }

    public boolean isFailureWidget() { return failureWidget; }
    public void setFailureWidget(boolean failureWidget) { this.failureWidget = failureWidget; }
}
