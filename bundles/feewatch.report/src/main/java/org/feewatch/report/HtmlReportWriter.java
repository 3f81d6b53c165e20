package org.feewatch.report;

import static org.feewatch.report.internal.Html.esc;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.feewatch.api.CaseInfo;
import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.InputIssue;
import org.feewatch.api.PartnerVerdict;
import org.feewatch.api.Report;
import org.feewatch.api.Severity;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.spi.ReportWriter;
import org.feewatch.report.internal.AprChart;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The report for people: one self-contained HTML page (no scripts, no external files) with the
 * summary, the inputs, the chart of loan APRs against LPR and the policy line, the partner
 * verdicts and the findings grouped by rule with their evidence and citations. A rule with very
 * many findings shows the first {@code maxFindingsPerRule}; the JSON and CSV reports have them all.
 */
@Component(service = ReportWriter.class, configurationPid = "org.feewatch.report.html")
@Designate(ocd = HtmlReportWriter.Config.class)
public class HtmlReportWriter implements ReportWriter {

    @ObjectClassDefinition(name = "feewatch HTML report")
    public @interface Config {
        @AttributeDefinition(description = "Findings shown per rule; the rest are counted (JSON and CSV list all)")
        int maxFindingsPerRule() default 500;
    }

    private static final int DEFAULT_MAX_PER_RULE = 500;
    private static final String STYLE = """
            body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:70rem;\
            padding:0 1rem;color:#1f2328;line-height:1.45}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}
            table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #d0d7de;padding:.25rem .5rem;\
            text-align:left;vertical-align:top}th{background:#f6f8fa}
            .meta{color:#57606a}.sev{display:inline-block;border-radius:.8rem;padding:0 .55rem;font-size:.85rem;\
            color:#fff;font-weight:600}
            .critical{background:#8b0000}.high{background:#cf222e}.medium{background:#bf8700}.low{background:#0969da}\
            .info{background:#6e7781}
            .verdict-approve{color:#1a7f37;font-weight:600}.verdict-conditional{color:#9a6700;font-weight:600}
            .verdict-reject,.verdict-terminate{color:#cf222e;font-weight:600}
            details.rule{border:1px solid #d0d7de;border-radius:6px;margin:.6rem 0;padding:.3rem .8rem}
            details.rule>summary{cursor:pointer;font-weight:600}
            .finding{border-top:1px solid #eaeef2;padding:.5rem 0}.finding:first-of-type{border-top:none}
            .evidence{margin:.2rem 0 .2rem 1rem;padding:0}.evidence li{margin:.15rem 0}
            .evidence q{background:#fff8c5;quotes:none}.loc{color:#57606a;font-family:monospace;font-size:.85rem}
            .cites{color:#57606a;font-size:.9rem}.failed{color:#cf222e}
            svg.chart{width:100%;height:auto;max-width:860px;font-size:11px}
            .grid{stroke:#eaeef2}.axis{stroke:#8c959f}.tick{fill:#57606a}
            .lpr{fill:none;stroke:#1a7f37;stroke-width:2}.policy{fill:none;stroke:#cf222e;stroke-width:2;\
            stroke-dasharray:6 4}
            .loan.sm{fill:#0969da;fill-opacity:.7}.loan.over{fill:#cf222e}\
            .loan.other{fill:none;stroke:#8c959f}
            .legend text{fill:#1f2328}
            """;

    private final int maxFindingsPerRule;

    public HtmlReportWriter() {
        this(DEFAULT_MAX_PER_RULE);
    }

    public HtmlReportWriter(int maxFindingsPerRule) {
        this.maxFindingsPerRule = Math.max(1, maxFindingsPerRule);
    }

    @Activate
    public HtmlReportWriter(Config config) {
        this(config.maxFindingsPerRule());
    }

    @Override
    public String format() {
        return "html";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CaseInfo c = report.caseInfo();
        String who = c.institutionName() == null ? c.institutionId() : c.institutionName() + " (" + c.institutionId() + ")";
        w.write("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.write("<title>feewatch report: " + esc(who) + ", " + c.asOf() + "</title>\n<style>\n" + STYLE
                + "</style>\n</head>\n<body>\n");
        w.write("<h1>收费与定价合规检查报告 · Fee and pricing audit</h1>\n");
        w.write("<p class=\"meta\">" + esc(who) + " · region " + esc(c.region()) + " · as of " + c.asOf()
                + " · generated " + report.generatedAt().truncatedTo(ChronoUnit.SECONDS) + " · feewatch "
                + esc(report.engineVersion()) + " · " + esc(String.join(", ", report.plugins())) + "</p>\n");
        summary(w, report);
        chart(w, report);
        partners(w, report);
        findings(w, report);
        inputs(w, report);
        w.write("</body>\n</html>\n");
        w.flush();
    }

    private static void summary(BufferedWriter w, Report r) throws IOException {
        w.write("<h2 id=\"summary\">Summary 概要</h2>\n");
        int total = r.findings().size();
        w.write("<p>" + total + (total == 1 ? " finding" : " findings") + "; " + r.loans().accepted()
                + " loans audited (" + r.loans().read() + " read, " + r.loans().rejected() + " rejected); "
                + r.sources().size() + " sources (" + r.sources().stream().filter(s -> !s.ok()).count()
                + " failed); " + r.partners().size() + " partners.</p>\n");
        w.write("<p>");
        for (Severity s : Severity.values()) {
            Integer n = r.bySeverity().get(s.wireName());
            if (n != null && n > 0) {
                w.write("<span class=\"sev " + s.wireName() + "\">" + s.wireName() + " " + n + "</span> ");
            }
        }
        w.write("</p>\n");
        if (!r.byRule().isEmpty()) {
            w.write("<table><tr><th>Rule</th><th>Findings</th></tr>\n");
            for (Map.Entry<String, Integer> e : r.byRule().entrySet()) {
                w.write("<tr><td><a href=\"#rule-" + esc(e.getKey()) + "\">" + esc(e.getKey()) + "</a></td><td>"
                        + e.getValue() + "</td></tr>\n");
            }
            w.write("</table>\n");
        }
        if (r.caseInfo().policy() != null) {
            var p = r.caseInfo().policy();
            w.write("<p class=\"meta\">Policy applied: maxSpreadBp " + value(p.maxSpreadBp())
                    + ", maxGuaranteeFeeRate " + value(p.maxGuaranteeFeeRate()) + " %, maxInsuranceFeeRate "
                    + value(p.maxInsuranceFeeRate()) + " %, aprTolerancePp " + value(p.aprTolerancePp()) + "</p>\n");
        }
    }

    private static String value(Object o) {
        return o == null ? "not set" : o instanceof java.math.BigDecimal d ? d.toPlainString() : o.toString();
    }

    private static void chart(BufferedWriter w, Report r) throws IOException {
        w.write("<h2 id=\"chart\">Loan APRs against LPR 贷款年化利率与LPR</h2>\n");
        Integer spread = r.caseInfo().policy() == null ? null : r.caseInfo().policy().maxSpreadBp();
        String svg = AprChart.svg(r.aprSample(), spread);
        if (svg == null) {
            w.write("<p class=\"meta\">No loan with a computable APR to chart.</p>\n");
            return;
        }
        w.write(svg);
        w.write("\n<p class=\"meta\">All-in APR (nominal, % per year) of " + r.aprSample().size()
                + (r.aprSample().size() < r.loans().accepted() ? " sampled loans out of " + r.loans().accepted()
                        : " loans")
                + " by contract date.</p>\n");
    }

    private static void partners(BufferedWriter w, Report r) throws IOException {
        w.write("<h2 id=\"partners\">Partner verdicts 合作机构评价</h2>\n");
        if (r.partners().isEmpty()) {
            w.write("<p class=\"meta\">The case lists no partners.</p>\n");
            return;
        }
        w.write("<table><tr><th>Partner</th><th>Status</th><th>Verdict</th><th>Rules broken</th></tr>\n");
        for (PartnerVerdict p : r.partners()) {
            w.write("<tr><td>" + esc(p.id()) + "</td><td>" + p.status().wireName() + "</td><td class=\"verdict-"
                    + p.verdict().wireName() + "\">" + p.verdict().wireName() + "</td><td>"
                    + esc(String.join(", ", p.rules())) + "</td></tr>\n");
        }
        w.write("</table>\n");
    }

    private void findings(BufferedWriter w, Report r) throws IOException {
        w.write("<h2 id=\"findings\">Findings 发现的问题</h2>\n");
        if (r.findings().isEmpty()) {
            w.write("<p>No findings.</p>\n");
            return;
        }
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding f : r.findings()) {
            byRule.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<Finding>> e : byRule.entrySet()) {
            List<Finding> list = e.getValue();
            Severity worst = list.stream().map(Finding::severity).min(Enum::compareTo).orElse(Severity.INFO);
            w.write("<details class=\"rule\" id=\"rule-" + esc(e.getKey()) + "\" open>\n<summary><span class=\"sev "
                    + worst.wireName() + "\">" + worst.wireName() + "</span> " + esc(e.getKey()) + " · "
                    + list.size() + (list.size() == 1 ? " finding" : " findings") + "</summary>\n");
            List<String> citations = list.get(0).citations();
            if (!citations.isEmpty()) {
                w.write("<p class=\"cites\">依据 Citations: " + esc(String.join("; ", citations)) + "</p>\n");
            }
            int shown = 0;
            for (Finding f : list) {
                if (shown++ >= maxFindingsPerRule) {
                    w.write("<p class=\"meta\">… and " + (list.size() - maxFindingsPerRule)
                            + " more findings of this rule, listed in the JSON and CSV reports.</p>\n");
                    break;
                }
                finding(w, f, citations);
            }
            w.write("</details>\n");
        }
    }

    private static void finding(BufferedWriter w, Finding f, List<String> ruleCitations) throws IOException {
        w.write("<div class=\"finding\"><p><span class=\"sev " + f.severity().wireName() + "\">"
                + f.severity().wireName() + "</span> <strong>" + esc(f.subject().type().wireName()) + " "
                + esc(f.subject().id()) + "</strong>: " + esc(f.title()) + " <span class=\"meta\">→ "
                + f.action().wireName() + "</span></p>\n");
        if (!f.metrics().isEmpty()) {
            StringBuilder m = new StringBuilder();
            for (Map.Entry<String, String> e : f.metrics().entrySet()) {
                if (m.length() > 0) {
                    m.append(" · ");
                }
                m.append(esc(e.getKey())).append(" <strong>").append(esc(e.getValue())).append("</strong>");
            }
            w.write("<p class=\"meta\">" + m + "</p>\n");
        }
        if (!f.evidence().isEmpty()) {
            w.write("<ul class=\"evidence\">\n");
            for (Evidence e : f.evidence()) {
                w.write("<li><span class=\"loc\">" + esc(e.source()) + (e.locator() == null ? "" : " " + esc(e.locator()))
                        + "</span> <q>" + esc(e.text()) + "</q></li>\n");
            }
            w.write("</ul>\n");
        }
        if (!f.citations().isEmpty() && !f.citations().equals(ruleCitations)) {
            w.write("<p class=\"cites\">" + esc(String.join("; ", f.citations())) + "</p>\n");
        }
        w.write("</div>\n");
    }

    private static void inputs(BufferedWriter w, Report r) throws IOException {
        w.write("<h2 id=\"inputs\">Inputs 输入</h2>\n");
        if (!r.sources().isEmpty()) {
            w.write("<table><tr><th>Source</th><th>Status</th><th>Items</th><th>sha256 / reason</th></tr>\n");
            for (SourceStatus s : r.sources()) {
                w.write("<tr><td>" + esc(s.id()) + "</td><td" + (s.ok() ? ">ok" : " class=\"failed\">failed")
                        + "</td><td>" + (s.items() == null ? "" : s.items()) + "</td><td class=\"loc\">"
                        + esc(s.ok() ? s.sha256() : s.error()) + "</td></tr>\n");
            }
            w.write("</table>\n");
        }
        w.write("<p>Loans: " + r.loans().read() + " read, " + r.loans().accepted() + " accepted, "
                + r.loans().rejected() + " rejected.</p>\n");
        issues(w, "Rejected loan lines", r.loans().errors());
        issues(w, "Warnings", r.warnings());
    }

    private static void issues(BufferedWriter w, String title, List<InputIssue> issues) throws IOException {
        if (issues.isEmpty()) {
            return;
        }
        w.write("<details><summary>" + esc(title) + " (" + issues.size() + ")</summary>\n<ul>\n");
        for (InputIssue i : issues) {
            String where = i.file() == null ? "" : i.file() + (i.line() == null ? "" : ":" + i.line()) + ": ";
            w.write("<li><span class=\"loc\">" + esc(where) + "</span>" + esc(i.message()) + "</li>\n");
        }
        w.write("</ul>\n</details>\n");
    }
}
