package io.distman.notification.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.notification.entity.NotificationRow;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The bell in the menu bar of every screen: the signed-in user's unread count and newest notifications.
 * Request-scoped and read once per request, so every page shows the count as it is now.
 */
@Named("bell")
@RequestScoped
public class BellBean {

    static final int LATEST = 5;

    @EJB
    Notifications notifications;

    @Inject
    CurrentUser currentUser;

    private Long unread;
    private List<NotificationRow> latest;

    public long getUnread() {
        if (unread == null) {
            unread = notifications.unreadCount(currentUser.accountId());
        }
        return unread;
    }

    /** The badge text: the count, capped so the badge stays small. */
    public String getBadge() {
        return getUnread() > 99 ? "99+" : String.valueOf(getUnread());
    }

    public List<NotificationRow> getLatest() {
        if (latest == null) {
            latest = notifications.page(currentUser.accountId(), 0, LATEST);
        }
        return latest;
    }
}
