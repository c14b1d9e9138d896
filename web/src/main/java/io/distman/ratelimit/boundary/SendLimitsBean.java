package io.distman.ratelimit.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.platform.boundary.AdminScreens;
import io.distman.ratelimit.entity.BackoffView;
import io.distman.ratelimit.entity.DomainLimitView;
import io.distman.ratelimit.entity.RelayLimits;
import io.distman.ratelimit.entity.SendLimits;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The admin's Rate limits screen: the relay's limits, recipients per hour per domain, and domains backed off now. */
@Named("limits")
@ViewScoped
public class SendLimitsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SendLimitsAdmin admin;

    @Inject
    CurrentUser currentUser;

    private Integer messagesPerSecond;
    private Integer maxConnections;
    private Integer recipientsPerConnection;
    private String domain;
    private Integer recipientsPerHour;
    private List<DomainLimitView> domains = List.of();
    private List<BackoffView> backedOff = List.of();

    @PostConstruct
    void load() {
        show(admin.limits(currentUser.accountId()));
    }

    private void show(SendLimits limits) {
        messagesPerSecond = limits.relay().messagesPerSecond();
        maxConnections = limits.relay().maxConnections();
        recipientsPerConnection = limits.relay().recipientsPerConnection();
        domains = limits.domains();
        backedOff = limits.backedOff();
    }

    public void saveRelay() {
        AdminScreens.attempt("Relay limits saved", () -> {
            SendLimits saved = admin.setRelayLimits(currentUser.accountId(),
                    new RelayLimits(messagesPerSecond, maxConnections, recipientsPerConnection));
            show(saved);
            return saved.relay().toString() + ".";
        });
    }

    public void addDomain() {
        if (AdminScreens.attempt("Domain limit saved", () -> {
            SendLimits saved = admin.setDomainLimit(currentUser.accountId(), domain, recipientsPerHour);
            show(saved);
            return "At most " + recipientsPerHour + " recipients per hour at " + domain.strip() + ".";
        })) {
            domain = null;
            recipientsPerHour = null;
        }
    }

    public void removeDomain(String name) {
        AdminScreens.attempt("Domain limit removed", () -> {
            show(admin.removeDomainLimit(currentUser.accountId(), name));
            return name + " has no limit now; mail already held goes at its slot.";
        });
    }

    public String when(BackoffView backoff) {
        return AdminScreens.when(backoff.until());
    }

    public Integer getMessagesPerSecond() { return messagesPerSecond; }
    public void setMessagesPerSecond(Integer messagesPerSecond) { this.messagesPerSecond = messagesPerSecond; }
    public Integer getMaxConnections() { return maxConnections; }
    public void setMaxConnections(Integer maxConnections) { this.maxConnections = maxConnections; }
    public Integer getRecipientsPerConnection() { return recipientsPerConnection; }
    public void setRecipientsPerConnection(Integer recipientsPerConnection) { this.recipientsPerConnection = recipientsPerConnection; }
    public String getDomain() { return domain; }
    public void setDomain(String domain) { this.domain = domain; }
    public Integer getRecipientsPerHour() { return recipientsPerHour; }
    public void setRecipientsPerHour(Integer recipientsPerHour) { this.recipientsPerHour = recipientsPerHour; }
    public List<DomainLimitView> getDomains() { return domains; }
    public List<BackoffView> getBackedOff() { return backedOff; }
}
