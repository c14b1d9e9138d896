package io.distman.audit.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.audit.boundary.DeliveryDetails.AttachmentFile;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Serves archived mail to the signed-in user (under /app/, so behind the login): the HTML body for the
 * View dialog's frame, and attachments for download. The account is the current user's; a delivery of
 * another account answers 404 exactly like one that does not exist.
 *
 * <p>The HTML is whatever a back-office module submitted, so it is treated as hostile: the CSP sandbox
 * gives the frame an opaque origin with scripts off (even if the page is opened directly, outside the
 * frame), and {@code default-src 'none'} blocks remote images and other loads, so opening the archive
 * never pings a tracker. It is the one response the application's own pages may frame ({@code SecurityHeaders}).
 */
@WebServlet({"/app/content/*", "/app/attachment/*"})
public class ArchiveServlet extends HttpServlet {

    static final String CONTENT_SECURITY_POLICY =
            "sandbox; default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'; font-src data:; frame-ancestors 'self'";

    @Inject
    CurrentUser currentUser;

    @EJB
    DeliveryViews views;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] ids = String.valueOf(request.getPathInfo()).replaceFirst("^/", "").split("/");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "private, no-store");
        try {
            boolean found = "/app/content".equals(request.getServletPath())
                    ? ids.length == 1 && html(Long.parseLong(ids[0]), response)
                    : ids.length == 2 && attachment(Long.parseLong(ids[0]), Integer.parseInt(ids[1]), response);
            if (!found) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private boolean html(long deliveryId, HttpServletResponse response) throws IOException {
        Optional<String> html = views.html(currentUser.accountId(), deliveryId);
        if (html.isEmpty()) {
            return false;
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(html.get());
        return true;
    }

    private boolean attachment(long deliveryId, int ordinal, HttpServletResponse response) throws IOException {
        Optional<AttachmentFile> file = views.attachment(currentUser.accountId(), deliveryId, ordinal);
        if (file.isEmpty()) {
            return false;
        }
        // A download, never rendered in the application's origin, whatever type the sender claimed.
        response.setHeader("Content-Security-Policy", "sandbox");
        response.setContentType(file.get().contentType());
        response.setHeader("Content-Disposition", contentDisposition(file.get().filename()));
        response.setContentLength(file.get().content().length);
        response.getOutputStream().write(file.get().content());
        return true;
    }

    /** RFC 6266: an ASCII fallback for old clients, and the exact name as RFC 5987 UTF-8. */
    static String contentDisposition(String filename) {
        String fallback = filename.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
