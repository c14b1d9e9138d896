package io.distman.preference.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.platform.entity.FieldError;
import io.distman.preference.entity.DigestFrequency;
import io.distman.preference.entity.PreferenceChangeRow;
import io.distman.preference.entity.PreferenceInput;
import io.distman.preference.entity.PreferenceRefusedException;
import io.distman.preference.entity.PreferenceView;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The support screen of recipient preferences (/app/support/preferences.xhtml): find the addresses that have some,
 * open one (also one nobody set yet), change whether it opted out and its digest, and read its audit trail. Always
 * for the account of {@link CurrentUser}; the EJB checks it and filters every query by it.
 */
@Named("recipientPreferences")
@ViewScoped
public class RecipientPreferencesBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int PAGE = 100;

    @EJB
    PreferenceAdmin admin;

    @Inject
    CurrentUser currentUser;

    private String addressPart;
    private List<PreferenceView> found;

    private String address;
    private PreferenceView opened;
    private List<PreferenceChangeRow> changes = List.of();
    private boolean optedOut;
    private String digest = DigestFrequency.NONE.name();
    private String digestWeekday = DayOfWeek.MONDAY.name();
    private String digestTime = "08:00";
    private String digestZone = ZoneId.systemDefault().getId();

    public void search() {
        found = admin.search(currentUser.accountId(), addressPart, 0, PAGE);
    }

    /** Opens the address typed in (or picked from the list) with what is set for it, the defaults if nothing. */
    public void open() {
        try {
            show(admin.view(currentUser.accountId(), address));
        } catch (PreferenceRefusedException e) {
            refused(e);
        }
    }

    /** The View dialog's "Change" link names the address: it opens at once. */
    public void openLinked() {
        if (address != null && !address.isBlank() && opened == null
                && !FacesContext.getCurrentInstance().isPostback()) {
            open();
        }
    }

    public void open(String picked) {
        address = picked;
        open();
    }

    public void save() {
        try {
            show(admin.save(currentUser.accountId(), address, new PreferenceInput(optedOut, digest, digestWeekday,
                    digestTime, digestZone)));
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Saved",
                    "The preferences of " + opened.address() + " are saved."));
            if (found != null) {
                search();
            }
        } catch (PreferenceRefusedException e) {
            refused(e);
        }
    }

    private void show(PreferenceView view) {
        opened = view;
        address = view.address();
        optedOut = view.optedOut();
        digest = view.digest().name();
        if (view.digestWeekday() != null) {
            digestWeekday = view.digestWeekday();
        }
        if (view.digestTime() != null) {
            digestTime = view.digestTime();
        }
        if (view.digestZone() != null) {
            digestZone = view.digestZone();
        }
        changes = admin.changes(currentUser.accountId(), view.address());
    }

    /** Each bad field by name, as the API names it; the form stays as typed. */
    private static void refused(PreferenceRefusedException e) {
        FacesContext context = FacesContext.getCurrentInstance();
        String text = "Not saved: " + e.errors().stream().map(FieldError::toString).collect(Collectors.joining("; "));
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        context.validationFailed();
    }

    public String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(ZoneId.systemDefault()));
    }

    public DigestFrequency[] getDigests() { return DigestFrequency.values(); }
    public DayOfWeek[] getWeekdays() { return DayOfWeek.values(); }
    public List<PreferenceView> getFound() { return found; }
    public PreferenceView getOpened() { return opened; }
    public List<PreferenceChangeRow> getChanges() { return changes; }

    public String getAddressPart() { return addressPart; }
    public void setAddressPart(String addressPart) { this.addressPart = addressPart; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public boolean isOptedOut() { return optedOut; }
    public void setOptedOut(boolean optedOut) { this.optedOut = optedOut; }
    public String getDigest() { return digest; }
    public void setDigest(String digest) { this.digest = digest; }
    public String getDigestWeekday() { return digestWeekday; }
    public void setDigestWeekday(String digestWeekday) { this.digestWeekday = digestWeekday; }
    public String getDigestTime() { return digestTime; }
    public void setDigestTime(String digestTime) { this.digestTime = digestTime; }
    public String getDigestZone() { return digestZone; }
    public void setDigestZone(String digestZone) { this.digestZone = digestZone; }
}
