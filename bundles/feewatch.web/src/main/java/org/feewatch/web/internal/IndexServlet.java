package org.feewatch.web.internal;

import java.io.IOException;
import java.io.PrintWriter;

import org.feewatch.core.ReportArchive;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /}: the demo's report when there is one, else a short page naming the REST API.
 * Any other unmatched path is a 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
public class IndexServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String DEMO = "demo";

    @Reference
    private ReportArchive archive;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        if (!path.isEmpty() && !path.equals("/")) {
            Json.error(resp, 404, "nothing at " + path);
            return;
        }
        if (archive.get(DEMO).isPresent()) {
            resp.sendRedirect("/api/reports/" + DEMO + "?format=html");
            return;
        }
        resp.setStatus(200);
        resp.setContentType("text/html");
        resp.setCharacterEncoding("UTF-8");
        PrintWriter w = resp.getWriter();
        w.print("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>feewatch</title></head>
                <body>
                <h1>feewatch</h1>
                <p>Fee and pricing checks of small-business lending (银保监办发〔2023〕42号).</p>
                <ul>
                <li><a href="/api/health">GET /api/health</a>: status and loaded rule packs</li>
                <li><a href="/api/rules">GET /api/rules</a>: the loaded rule catalogue</li>
                <li>POST /api/audit: a .zip case (Content-Type: application/zip) &rarr; its report (JSON)</li>
                <li><a href="/api/reports">GET /api/reports</a>: reports kept by this instance</li>
                </ul>
                </body></html>
                """);
        w.flush();
    }
}
