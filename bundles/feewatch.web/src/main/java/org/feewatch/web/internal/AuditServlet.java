package org.feewatch.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.feewatch.core.AuditRequest;
import org.feewatch.core.AuditResult;
import org.feewatch.core.AuditService;
import org.feewatch.core.CaseException;
import org.feewatch.core.ReportArchive;
import org.feewatch.core.UnavailableException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * {@code POST /api/audit}: a .zip case, as the request body ({@code application/zip}) or as the
 * first file of a multipart form, audited in restricted mode (the fetch allow-list applies and
 * private addresses are refused); answers the report JSON, and keeps it under
 * {@code /api/reports/ID} (the {@code Location} header).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/audit")
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = AuditServlet.MAX_UPLOAD, maxRequestSize = AuditServlet.MAX_UPLOAD)
public class AuditServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AuditServlet.class);

    /** The largest case accepted, in bytes. */
    static final long MAX_UPLOAD = 256L * 1024 * 1024;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditService audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ReportArchive archive;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        AuditService a = audit;
        if (a == null) {
            Json.error(resp, 503, "the audit service is not running");
            return;
        }
        if (req.getContentLengthLong() > MAX_UPLOAD) {
            Json.error(resp, 413, "the case is larger than " + MAX_UPLOAD / (1024 * 1024) + " MB");
            return;
        }
        Path zip = Files.createTempFile("feewatch-upload-", ".zip");
        try {
            if (!receive(req, zip)) {
                Json.error(resp, 400, "send a .zip case as the request body (Content-Type: application/zip) or as a multipart file");
                return;
            }
            AuditResult result = a.audit(new AuditRequest(zip, true, null, null));
            ReportArchive ar = archive;
            if (ar != null) {
                resp.setHeader("Location", "/api/reports/" + ar.add(result.report()));
            }
            resp.setStatus(200);
            resp.setContentType("application/json");
            resp.setCharacterEncoding("UTF-8");
            try (OutputStream out = resp.getOutputStream()) {
                a.write(result.report(), "json", out);
            }
        } catch (CaseException e) {
            Json.error(resp, 400, e.getMessage());
        } catch (UnavailableException e) {
            Json.error(resp, 503, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("audit of an uploaded case failed", e);
            Json.error(resp, 500, "internal error; details are in the server's log file");
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    /** Copies the uploaded case to {@code zip}; false when the request carries none. */
    private static boolean receive(HttpServletRequest req, Path zip) throws IOException, ServletException {
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            for (Part part : req.getParts()) {
                if (part.getSubmittedFileName() != null || "case".equals(part.getName())) {
                    try (InputStream in = part.getInputStream()) {
                        Files.copy(in, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    return true;
                }
            }
            return false;
        }
        try (InputStream in = req.getInputStream()) {
            long n = Files.copy(in, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return n > 0;
        }
    }
}
