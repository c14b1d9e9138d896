package io.distman.audit.boundary;

import io.distman.preference.boundary.PreferenceAdmin;
import io.distman.preference.entity.PreferenceRefusedException;
import io.distman.preference.entity.PreferenceView;
import io.distman.account.boundary.CurrentUser;
import io.distman.message.entity.DeliveryStateException;
import io.distman.platform.boundary.Settings;
import io.distman.platform.entity.NotFoundException;
import io.distman.submission.entity.SubmissionRejectedException;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The View dialog's page (/app/view.xhtml?id=deliveryId): one delivery of the current account. The id
 * comes from the request, the account never does: another account's id shows "No such email" with 404.
 */
@Named
@ViewScoped
public class ViewPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The host platform's unit search, e.g. https://backoffice.example/units?email={address}. */
    static final String UNIT_SEARCH_URL = "distman.host.unitSearchUrl";

    @Inject
    CurrentUser currentUser;

    @EJB
    DeliveryViews views;

    /** The recipient's preferences in this account, shown on the Status tab. */
    @EJB
    PreferenceAdmin preferences;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Long id;
    private DeliveryDetails details;
    private String correctedAddress;
    private PreferenceView preference;

    public void load() {
        details = id == null ? null : views.find(currentUser.accountId(), id).orElse(null);
        if (details == null) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
            return;
        }
        try {
            preference = details.address() == null ? null : preferences.view(currentUser.accountId(), details.address());
        } catch (PreferenceRefusedException e) {
            preference = null; // an address that was never valid (a REJECTED delivery's) has no preferences
        }
    }

    public void resend() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            long resent = views.resend(currentUser.accountId(), details.deliveryId(), correctedAddress);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Resent",
                    "Sent again as delivery " + resent + "."));
            correctedAddress = null;
            details = views.find(currentUser.accountId(), details.deliveryId()).orElse(null);
        } catch (SubmissionRejectedException e) {
            faces.addMessage("resendForm:address", new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not resent",
                    e.getMessage()));
            faces.validationFailed();
        } catch (DeliveryStateException | NotFoundException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not resent", e.getMessage()));
            faces.validationFailed();
        }
    }

    /** @return the host's unit search for the address, or null when no template is configured */
    public String getUnitSearchUrl() {
        return details == null ? null : unitSearchUrl(Settings.string(UNIT_SEARCH_URL, null), details.address());
    }

    static String unitSearchUrl(String template, String address) {
        if (template == null || template.isBlank() || address == null) {
            return null;
        }
        return template.replace("{address}", URLEncoder.encode(address, StandardCharsets.UTF_8));
    }

    /** Times in the server's zone, to the second, as the other screens show them. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    public String getContentUrl() {
        return path("/app/content/" + details.deliveryId());
    }

    public String attachmentUrl(int ordinal) {
        return path("/app/attachment/" + details.deliveryId() + "/" + ordinal);
    }

    private static String path(String path) {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        return context.getRequestContextPath() + path;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public DeliveryDetails getDetails() { return details; }
    public PreferenceView getPreference() { return preference; }
    public String getCorrectedAddress() { return correctedAddress; }
    public void setCorrectedAddress(String correctedAddress) { this.correctedAddress = correctedAddress; }
}
