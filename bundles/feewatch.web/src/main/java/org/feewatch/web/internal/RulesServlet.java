package org.feewatch.web.internal;

import java.io.IOException;

import org.feewatch.api.RuleInfo;
import org.feewatch.api.SubjectType;
import org.feewatch.core.AuditService;
import org.feewatch.core.LoadedRule;
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

/** {@code GET /api/rules}: the catalogue of every loaded rule, with the pack it comes from. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/rules")
public class RulesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditService audit;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AuditService a = audit;
        if (a == null) {
            Json.error(resp, 503, "the audit service is not running");
            return;
        }
        JsonArray rules = new JsonArray();
        for (LoadedRule r : a.rules()) {
            rules.add(toJson(r));
        }
        Json.send(resp, 200, rules);
    }

    static JsonObject toJson(LoadedRule r) {
        RuleInfo i = r.info();
        JsonObject o = new JsonObject();
        o.addProperty("code", i.code());
        o.addProperty("titleZh", i.titleZh());
        o.addProperty("titleEn", i.titleEn());
        if (i.descriptionEn() != null) {
            o.addProperty("descriptionEn", i.descriptionEn());
        }
        o.addProperty("severity", i.severity().wireName());
        o.addProperty("action", i.action().wireName());
        JsonArray subjects = new JsonArray();
        for (SubjectType s : i.subjects()) {
            subjects.add(s.wireName());
        }
        o.add("subjects", subjects);
        JsonArray citations = new JsonArray();
        i.citations().forEach(citations::add);
        o.add("citations", citations);
        o.addProperty("effectiveFrom", i.effectiveFrom() == null ? null : i.effectiveFrom().toString());
        o.addProperty("effectiveTo", i.effectiveTo() == null ? null : i.effectiveTo().toString());
        o.addProperty("pack", r.pack());
        o.addProperty("packVersion", r.packVersion());
        o.addProperty("region", r.region());
        return o;
    }
}
