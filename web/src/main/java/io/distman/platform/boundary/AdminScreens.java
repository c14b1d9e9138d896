package io.distman.platform.boundary;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/** What the admin set-up screens share: messages, times as people read them, and the installation's public address. */
public final class AdminScreens {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private AdminScreens() {
    }

    public static void info(String summary, String detail) {
        message(FacesMessage.SEVERITY_INFO, summary, detail);
    }

    public static void error(String summary, String detail) {
        message(FacesMessage.SEVERITY_ERROR, summary, detail);
    }

    private static void message(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }

    /**
     * Runs a change and says "Saved" with {@code done}'s text, or shows why it was refused: the services' refusals
     * (a bad field, another account's id, a missing role) are application exceptions whose message names the field.
     * @return whether it worked
     */
    public static boolean attempt(String what, Supplier<String> change) {
        try {
            info(what, change.get());
            return true;
        } catch (EJBAccessException e) {
            error("Not allowed", "Only an admin of this account may do this.");
        } catch (RuntimeException e) {
            error(what + " refused", e.getMessage());
        }
        return false;
    }

    /** "2026-12-06 10:40" in the server's zone, or "" for none. */
    public static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(ZoneId.systemDefault()));
    }

    /**
     * The address the outside world reaches this installation at, without a trailing slash:
     * {@code distman.public.url} when the installation set it (links in mail use it too), else the
     * address of the current request (scheme, host, port, context path).
     */
    public static String publicUrl() {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) context.getRequest();
        String port = (request.getScheme().equals("http") && request.getServerPort() == 80)
                || (request.getScheme().equals("https") && request.getServerPort() == 443) ? "" : ":" + request.getServerPort();
        return publicUrl(request.getScheme() + "://" + request.getServerName() + port + request.getContextPath());
    }

    /** The same for a REST request: {@code distman.public.url}, else {@code requestRoot} (scheme, host, port, context path). */
    public static String publicUrl(String requestRoot) {
        String url = Settings.string("distman.public.url", requestRoot);
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
