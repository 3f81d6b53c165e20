package org.feewatch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.feewatch.api.Report;
import org.junit.jupiter.api.Test;

/**
 * A core-banking CSV export that writes values in Chinese too (借款人类型 小微企业, 利率类型 LPR /
 * 基准利率 / 固定利率, LPR期限 1年期 / 5年期以上, 还款方式 等额本息 / 利随本清 …, 是否转贷款 是/否,
 * 收取时间 按年 / 一次性 …) is audited end to end exactly as its canonical copy (chinesevalues/canonical,
 * the same book in the values of CASE-FORMAT.md): the same counts, findings and --detail file.
 */
class ChineseValuesConformanceTest {
    private static final Path OUT = Path.of("target", "conformance", "chinesevalues");

    private static Path book(String name) throws URISyntaxException {
        return Path.of(ChineseValuesConformanceTest.class.getResource("/chinesevalues/" + name).toURI());
    }

    private static TreeSet<String> findings(Report r) {
        TreeSet<String> s = new TreeSet<>();
        r.findings().forEach(f -> s.add(f.rule() + " " + f.subject().type().wireName() + " " + f.subject().id() + " "
                + f.severity().name().toLowerCase(Locale.ROOT) + " " + f.evidence()));
        return s;
    }

    @Test
    void aChineseValuedExportGivesTheFindingsOfItsCanonicalCopy() throws Exception {
        CaseAudit.Result canonical = CaseAudit.run(book("canonical"), OUT.resolve("canonical"), 2);
        CaseAudit.Result chinese = CaseAudit.run(book("chinese"), OUT.resolve("chinese"), 2);
        Report c = canonical.report();
        Report z = chinese.report();

        assertEquals(List.of(), c.loans().errors());
        assertEquals(List.of(), z.loans().errors(), "no line of the Chinese-valued book is rejected");
        assertEquals(8, c.loans().accepted());
        assertEquals(c.loans().read() + " " + c.loans().accepted(), z.loans().read() + " " + z.loans().accepted());

        // the canonical copy has findings to compare: the deposit (Z1) and the tied insurance (Z2)
        TreeSet<String> rules = new TreeSet<>();
        c.findings().forEach(f -> rules.add(f.rule() + " " + f.subject().id()));
        assertTrue(rules.contains("FEE-005 Z1") && rules.contains("FEE-004 Z2"), rules.toString());
        assertEquals(findings(c), findings(z));

        // the --detail file, byte for byte: the same loans with the same rates, APRs and rules
        assertEquals(Files.readString(canonical.detail()), Files.readString(chinese.detail()));
    }
}
