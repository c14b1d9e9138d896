package io.distman.account.boundary;

import io.distman.account.entity.ApiKeyScope;
import io.distman.account.entity.ApiKeyView;
import io.distman.account.entity.InvalidSettingsException;
import io.distman.account.entity.IssuedApiKey;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The API keys screen: the account's keys (never the keys themselves), issue, revoke. A new key is held only for
 * the response that shows it in the dialog, then forgotten ({@link #dismiss} and the next issue clear it).
 */
@Named
@ViewScoped
public class ApiKeysBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ApiKeyAdmin keys;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    private String label;
    private ApiKeyScope scope = ApiKeyScope.SEND;
    private transient String issuedKey;
    private List<ApiKeyView> rows;

    public List<ApiKeyView> getKeys() {
        if (rows == null) {
            rows = keys.list(user.accountId());
        }
        return rows;
    }

    public void issue() {
        try {
            IssuedApiKey issued = keys.issue(user.accountId(), label, scope);
            issuedKey = issued.key();
            label = null;
            rows = null;
        } catch (InvalidSettingsException e) {
            faces.addMessage("keysForm:label", new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not issued", e.getMessage()));
            faces.validationFailed();
        }
    }

    public void revoke(String id) {
        keys.revoke(user.accountId(), id);
        rows = null;
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Revoked", "The key is refused from its next request on."));
    }

    /** The dialog was closed: the key is gone for good. */
    public void dismiss() {
        issuedKey = null;
    }

    public String getIssuedKey() { return issuedKey; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public ApiKeyScope getScope() { return scope; }
    public void setScope(ApiKeyScope scope) { this.scope = scope; }
    public ApiKeyScope[] getScopes() { return ApiKeyScope.values(); }

    public String time(java.time.Instant at) {
        return ScreenTimes.format(at);
    }
}
