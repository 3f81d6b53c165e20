package org.feewatch.web.internal;

import java.io.IOException;

import org.feewatch.core.AuditService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /api/health}: 200 when audits can run, 503 while the audit service is not up. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/health")
public class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditService audit;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AuditService a = audit;
        JsonObject o = new JsonObject();
        o.addProperty("status", a == null ? "starting" : "ok");
        if (a != null) {
            JsonArray plugins = new JsonArray();
            a.plugins().forEach(plugins::add);
            o.add("plugins", plugins);
            o.addProperty("rules", a.rules().size());
            JsonArray formats = new JsonArray();
            a.formats().forEach(formats::add);
            o.add("formats", formats);
        }
        Json.send(resp, a == null ? 503 : 200, o);
    }
}
