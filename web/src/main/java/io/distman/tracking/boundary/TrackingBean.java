package io.distman.tracking.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.message.entity.Category;
import io.distman.platform.boundary.AdminScreens;
import io.distman.tracking.entity.TrackingChoice;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The admin's Tracking screen: open and click tracking per category of mail, for mail sent from now on. */
@Named("tracking")
@ViewScoped
public class TrackingBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TrackingAdmin admin;

    @Inject
    CurrentUser currentUser;

    private List<Row> rows;

    /** One category's switches as the form edits them. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Category category;
        private boolean opens;
        private boolean clicks;

        Row(Category category, TrackingChoice choice) {
            this.category = category;
            this.opens = choice.opens();
            this.clicks = choice.clicks();
        }

        public Category getCategory() { return category; }
        public boolean isOpens() { return opens; }
        public void setOpens(boolean opens) { this.opens = opens; }
        public boolean isClicks() { return clicks; }
        public void setClicks(boolean clicks) { this.clicks = clicks; }
    }

    @PostConstruct
    void load() {
        Map<Category, TrackingChoice> chosen = admin.tracking(currentUser.accountId());
        rows = new ArrayList<>();
        chosen.forEach((category, choice) -> rows.add(new Row(category, choice)));
    }

    public void save() {
        AdminScreens.attempt("Tracking saved", () -> {
            rows.forEach(r -> admin.setTracking(currentUser.accountId(), r.category, new TrackingChoice(r.opens, r.clicks)));
            return "Applies to mail sent from now on.";
        });
        load();
    }

    public List<Row> getRows() { return rows; }
}
