package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ColumnMappingTest {
    /** The shipped configuration file, as FileInstall reads it (ISO-8859-1 properties with \\u escapes). */
    private static ColumnMapping shipped() throws IOException {
        Path file = Path.of("../../config/org.feewatch.loanbook.columns.cfg");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        Map<String, Object> map = new HashMap<>();
        p.forEach((k, v) -> map.put((String) k, v));
        return ColumnMapping.of(map);
    }

    @Test
    void theShippedFileMapsChineseHeadersToCanonicalColumns() throws IOException {
        ColumnMapping m = shipped();
        assertEquals("id", m.loanColumn("贷款编号"));
        assertEquals("borrower_id", m.loanColumn("借款人编号"));
        assertEquals("principal", m.loanColumn("本金"));
        assertEquals("contract_date", m.loanColumn("合同日期"));
        assertEquals("maturity_date", m.loanColumn("到期日"));
        assertEquals("nominal_rate", m.loanColumn("执行利率"));
        assertEquals("loan_id", m.feeColumn("借据号"));
        assertEquals("when", m.feeColumn("收取时间"));
    }

    @Test
    void theShippedFileIsTheBuiltInDefault() throws IOException {
        assertEquals(ColumnMapping.defaults().loanHeaders(), shipped().loanHeaders());
    }

    @Test
    void canonicalNamesAlwaysWorkAndMatchingIgnoresWidthSpacesAndCase() {
        ColumnMapping m = ColumnMapping.defaults();
        assertEquals("principal", m.loanColumn(" Principal "));
        assertEquals("spread_bp", m.loanColumn("加点（基点）"));
        assertEquals("rate_tenor", m.loanColumn("ＬＰＲ期限"));
        assertNull(m.loanColumn("备注"));
    }

    @Test
    void aBankCanAddItsOwnHeadersWithoutCode() {
        ColumnMapping m = ColumnMapping.of(Map.of("principal", "放款金额(元)", "fee.amount", new String[] {"收费金额(元)"}));
        assertEquals("principal", m.loanColumn("放款金额（元）"));
        assertEquals("principal", m.loanColumn("principal"));
        // configuring a column replaces its default aliases
        assertNull(m.loanColumn("本金"));
        assertEquals("amount", m.feeColumn("收费金额(元)"));
        // other columns keep their defaults
        assertEquals("id", m.loanColumn("贷款编号"));
    }
}
