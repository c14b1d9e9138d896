package io.distman.notification.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.notification.entity.NotificationRow;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The notification list (/app/notifications.xhtml): the signed-in user's newest notifications, mark one
 * or all read, open the View of the delivery (which also marks it read).
 */
@Named("notificationList")
@ViewScoped
public class NotificationsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The list shows this many, newest first; older ones are rarely of use once the mail is dealt with. */
    static final int SHOWN = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @EJB
    Notifications notifications;

    @Inject
    CurrentUser currentUser;

    private List<NotificationRow> rows;

    public List<NotificationRow> getRows() {
        if (rows == null) {
            rows = notifications.page(currentUser.accountId(), 0, SHOWN);
        }
        return rows;
    }

    public long getTotal() {
        return notifications.count(currentUser.accountId());
    }

    public void markRead(long id) {
        notifications.markRead(currentUser.accountId(), id);
        rows = null;
    }

    public void markAllRead() {
        notifications.markAllRead(currentUser.accountId());
        rows = null;
    }

    /** Marks the notification read and opens the View of its delivery. */
    public String open(long id, long deliveryId) {
        notifications.markRead(currentUser.accountId(), id);
        return "/app/view.xhtml?faces-redirect=true&id=" + deliveryId;
    }

    public String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(ZoneId.systemDefault()));
    }
}
