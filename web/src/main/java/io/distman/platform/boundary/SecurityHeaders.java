package io.distman.platform.boundary;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * No other site may frame the application (clickjacking of Resend, Cancel, Remove suppression): every
 * response, pages, API and error pages alike, says {@code X-Frame-Options: DENY} and CSP
 * {@code frame-ancestors 'none'} — except the archived HTML under {@code /app/content/}, which the View
 * dialog frames from the same origin ({@code SAMEORIGIN}; its servlet's sandbox CSP says {@code frame-ancestors 'self'}).
 * PrimeFaces adds its own script policy as a second CSP header; browsers enforce both.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String FRAMED_BY_OWN_PAGES = "/app/content/";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean framedByOwnPages = request.getRequestURI().startsWith(request.getContextPath() + FRAMED_BY_OWN_PAGES);
        response.setHeader("X-Frame-Options", framedByOwnPages ? "SAMEORIGIN" : "DENY");
        if (!framedByOwnPages) {
            response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, response);
    }
}
