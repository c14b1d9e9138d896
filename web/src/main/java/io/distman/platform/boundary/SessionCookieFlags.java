package io.distman.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Adds {@code SameSite=Lax} (and {@code Secure} over TLS) to the session cookie: GlassFish 7.0 writes the
 * session cookie itself and ignores web.xml's {@code <cookie-config><attribute>} (Servlet 6), so this rewrites
 * its {@code Set-Cookie} header before the response is committed. The cookie is set when a page first makes the
 * session (made here, before the page, for the screens) and when the sign-in changes the session id (followed by a
 * redirect, caught here). Lax, not Strict: a link from a notification mail must open the signed-in screen.
 */
@WebFilter(urlPatterns = {"*.xhtml", "/app/*"}, asyncSupported = true) // as every filter here: see SecurityHeaders
public class SessionCookieFlags extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String SESSION_COOKIE = "JSESSIONID=";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getSession(false) == null && !request.getRequestURI().contains("/jakarta.faces.resource/")) {
            request.getSession(true); // the screens keep their view state in the session anyway
        }
        Flagged flagged = new Flagged(response, request.isSecure());
        flagged.rewrite();
        chain.doFilter(request, flagged);
        if (!response.isCommitted()) {
            flagged.rewrite();
        }
    }

    /** Rewrites the session cookie whenever the response is about to leave. */
    private static final class Flagged extends HttpServletResponseWrapper {
        private final boolean secure;

        Flagged(HttpServletResponse response, boolean secure) {
            super(response);
            this.secure = secure;
        }

        void rewrite() {
            HttpServletResponse response = (HttpServletResponse) getResponse();
            List<String> cookies = List.copyOf(response.getHeaders("Set-Cookie"));
            if (cookies.stream().noneMatch(c -> c.startsWith(SESSION_COOKIE) && needsFlags(c))) {
                return;
            }
            for (int i = 0; i < cookies.size(); i++) {
                String cookie = cookies.get(i);
                if (cookie.startsWith(SESSION_COOKIE)) {
                    cookie = withFlags(cookie);
                }
                if (i == 0) {
                    response.setHeader("Set-Cookie", cookie);
                } else {
                    response.addHeader("Set-Cookie", cookie);
                }
            }
        }

        private boolean needsFlags(String cookie) {
            return !cookie.contains("SameSite=") || secure && !cookie.contains("Secure");
        }

        private String withFlags(String cookie) {
            String flagged = cookie.contains("SameSite=") ? cookie : cookie + "; SameSite=Lax";
            return secure && !flagged.contains("Secure") ? flagged + "; Secure" : flagged;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            rewrite();
            super.sendRedirect(location);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            rewrite();
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            rewrite();
            super.sendError(status);
        }

        @Override
        public void flushBuffer() throws IOException {
            rewrite();
            super.flushBuffer();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            rewrite();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            rewrite();
            return super.getWriter();
        }
    }
}
