package io.distman.platform.boundary;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * No other site may frame the application (clickjacking of Resend, Cancel, Remove suppression): every
 * response, pages, API and error pages alike, says {@code X-Frame-Options: DENY} and CSP
 * {@code frame-ancestors 'none'} — except the two the application frames itself: the View page, which the
 * Audit and History open in a PrimeFaces dialog (an iframe), and the archived HTML under {@code /app/content/},
 * which the View page frames. Those say {@code SAMEORIGIN} / {@code frame-ancestors 'self'} (the archive's servlet
 * repeats it in its own sandbox policy). PrimeFaces adds its script policy as a second CSP header; browsers enforce both.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR},
        asyncSupported = true) // the webhooks answer asynchronously: a filter that cannot would fail them (500)
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Paths the application's own pages frame. */
    static final List<String> FRAMED_BY_OWN_PAGES = List.of("/app/view.xhtml", "/app/content/");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The container's decoded, normalised path: "/app/view.xhtml/../audit.xhtml" is the Audit, framed by nobody.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean framedByOwnPages = FRAMED_BY_OWN_PAGES.stream().anyMatch(path::startsWith);
        response.setHeader("X-Frame-Options", framedByOwnPages ? "SAMEORIGIN" : "DENY");
        response.setHeader("Content-Security-Policy", framedByOwnPages ? "frame-ancestors 'self'" : "frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, response);
    }
}
