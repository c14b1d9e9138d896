package io.distman.platform.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Paths under {@code /api/} that are not the REST API ({@code /api/v1}, served by JAX-RS): a JSON 404 like
 * the API's own, not the screens' error page, since whatever asks there is a program.
 */
@WebServlet("/api/*")
public class ApiFallback extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"error\":\"not_found\",\"message\":\"there is no such resource; the API is under /api/v1\",\"errors\":[]}");
    }
}
