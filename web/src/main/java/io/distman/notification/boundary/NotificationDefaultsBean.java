package io.distman.notification.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.notification.entity.NotificationRefusedException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The account's notification defaults (/app/admin/notifications.xhtml, admins only): what users who have
 * not chosen are told. The EJB checks again that the signed-in user is an admin of the account, and logs the change.
 */
@Named("notificationDefaults")
@ViewScoped
public class NotificationDefaultsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Notifications notifications;

    @Inject
    CurrentUser currentUser;

    private SettingsForm form;

    @PostConstruct
    void load() {
        form = SettingsForm.of(notifications.accountDefaults(currentUser.accountId()));
    }

    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            notifications.saveAccountDefaults(currentUser.accountId(), form.settings());
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Saved",
                    "The account's notification defaults are saved."));
        } catch (NotificationRefusedException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not allowed", e.getMessage()));
        }
    }

    public SettingsForm getForm() { return form; }
}
