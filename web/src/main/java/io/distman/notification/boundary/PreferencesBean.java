package io.distman.notification.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.notification.entity.NotificationSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The signed-in user's notification preferences (/app/preferences.xhtml). */
@Named("notificationPreferences")
@ViewScoped
public class PreferencesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Notifications notifications;

    @Inject
    CurrentUser currentUser;

    private SettingsForm form;
    private String source;

    @PostConstruct
    void load() {
        NotificationSettings settings = notifications.preferences(currentUser.accountId());
        form = SettingsForm.of(settings);
        source = settings.source();
    }

    public void save() {
        notifications.savePreferences(currentUser.accountId(), form.settings());
        load();
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, "Saved", "Your notification preferences are saved."));
    }

    /** Back to the account's defaults. */
    public void reset() {
        notifications.resetPreferences(currentUser.accountId());
        load();
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, "Reset", "The account's defaults apply to you again."));
    }

    public SettingsForm getForm() { return form; }

    /** Where the settings shown come from, in words. */
    public String getSource() {
        return switch (source == null ? "" : source) {
            case "USER" -> "your own choice";
            case "ACCOUNT" -> "the account's defaults (set by its admins)";
            default -> "the built-in defaults";
        };
    }

    public boolean isOwn() {
        return "USER".equals(source);
    }
}
