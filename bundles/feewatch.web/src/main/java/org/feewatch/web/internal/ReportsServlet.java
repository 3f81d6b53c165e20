package org.feewatch.web.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

import org.feewatch.api.Report;
import org.feewatch.core.AuditService;
import org.feewatch.core.ReportArchive;
import org.feewatch.core.UnavailableException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/reports} (the ids kept) and {@code GET /api/reports/ID[?format=json|html|csv]}
 * (one report: the demo's is {@code demo}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ "/api/reports", "/api/reports/*" })
public class ReportsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditService audit;

    @Reference
    private ReportArchive archive;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null || path.equals("/")) {
            Json.send(resp, 200, archive.ids());
            return;
        }
        String id = path.substring(1);
        Optional<Report> report = archive.get(id);
        if (report.isEmpty()) {
            Json.error(resp, 404, "no report " + id);
            return;
        }
        AuditService a = audit;
        if (a == null) {
            Json.error(resp, 503, "the audit service is not running");
            return;
        }
        String format = req.getParameter("format") == null ? "json" : req.getParameter("format");
        if (!a.formats().contains(format)) {
            Json.error(resp, 404, "no report writer for format " + format);
            return;
        }
        resp.setStatus(200);
        resp.setContentType(switch (format) {
            case "html" -> "text/html";
            case "csv" -> "text/csv";
            default -> "application/json";
        });
        resp.setCharacterEncoding("UTF-8");
        try (OutputStream out = resp.getOutputStream()) {
            a.write(report.get(), format, out);
        } catch (UnavailableException e) {
            Json.error(resp, 503, e.getMessage());
        }
    }
}
