package io.distman.audit.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.audit.control.AuditPdf;
import io.distman.audit.control.AuditWorkbook;
import io.distman.audit.entity.AuditFilter;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * GET /app/export/audit.xlsx and /app/export/audit.pdf with the audit's filter parameters
 * ({@link AuditParameters}): the rows go from the database to the response batch by batch, so 100,000
 * rows need no more memory than 1,000. Behind the login like every /app page; the account is the
 * signed-in user's, never a parameter.
 */
@WebServlet("/app/export/*")
public class AuditExportServlet extends HttpServlet {

    @EJB
    EmailAudit audit;

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String what = String.valueOf(request.getPathInfo());
        if (!what.equals("/audit.xlsx") && !what.equals("/audit.pdf")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ZoneId zone = ZoneId.systemDefault();
        AuditParameters parameters;
        try {
            parameters = AuditParameters.parse(request.getParameterMap(), LocalDate.now(Clock.system(zone)));
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        long accountId = currentUser.accountId();
        AuditFilter filter = parameters.filter(zone);
        String name = "email-audit-" + parameters.from() + (parameters.from().equals(parameters.to()) ? "" : "-to-" + parameters.to());
        response.setHeader("Cache-Control", "no-store");
        if (what.endsWith(".xlsx")) {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
            // SXSSF keeps rows in a temporary file until the end, so nothing reaches the client before that.
            try (AuditWorkbook workbook = new AuditWorkbook(zone)) {
                audit.stream(accountId, filter, workbook::add);
                workbook.writeTo(response.getOutputStream());
            }
        } else {
            response.setContentType("application/pdf");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"");
            OutputStream out = response.getOutputStream();
            AuditPdf pdf = new AuditPdf(out, zone, "Email audit " + parameters.from() + " – " + parameters.to()
                    + " · " + currentUser.getAccount().name());
            audit.stream(accountId, filter, pdf::add);
            pdf.close();
        }
    }

    /** For the page: the URL of an export of the filter it shows. */
    static String path(String format, AuditParameters parameters) {
        String query = parameters.query();
        return "/app/export/audit." + format + (query.isEmpty() ? "" : "?" + query);
    }
}
