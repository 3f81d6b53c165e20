package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DS components, built as SCR builds them when config/ has no file: from the metatype defaults. */
class ComponentDefaultsTest {
    @TempDir
    Path tmp;

    /** An instance of a configuration annotation that answers every method with its default. */
    @SuppressWarnings("unchecked")
    static <A> A defaults(Class<A> type) {
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getDefaultValue());
    }

    @Test
    void theReaderDefaultsAreTheDocumentedOnes() {
        ReaderSettings s = ReaderSettings.of(defaults(ReaderConfig.class));
        assertEquals(ReaderSettings.DEFAULTS, s);
        assertEquals(1 << 20, s.maxLineBytes());
    }

    @Test
    void theCsvComponentReadsChineseHeadersAndGbkWithItsDefaults() throws IOException {
        CsvLoanBookReader reader = new CsvLoanBookReader(defaults(ReaderConfig.class), defaults(ColumnsConfig.class));
        assertEquals("csv", reader.format());
        String book = "贷款编号,借款人编号,借款人类型,产品名称,本金,合同日期,到期日,利率类型,LPR期限,加点,执行利率,还款方式\n"
                + "K1,B1,micro,惠农贷,100000.00,2023-03-15,2024-03-15,lpr,1Y,85,4.50,bullet\n";
        Files.write(tmp.resolve("loans.csv"), book.getBytes(Charset.forName("GBK")));
        Files.writeString(tmp.resolve("fees.csv"), "loan_id,payee,item,amount,when\n");
        CollectingListener l = new CollectingListener();
        reader.read(tmp, l);
        assertEquals(1, l.loans().size());
        assertEquals("惠农贷", l.loans().get(0).product());
        assertTrue(l.rejected().isEmpty() && l.warnings().isEmpty(), l.warningTexts().toString());
    }

    @Test
    void theJsonlComponentReadsWithItsDefaults() throws IOException {
        JsonlLoanBookReader reader = new JsonlLoanBookReader(defaults(ReaderConfig.class));
        Files.writeString(tmp.resolve("loans.jsonl"), "{\"id\":\"J1\"}\n");
        CollectingListener l = new CollectingListener();
        reader.read(tmp, l);
        assertEquals(java.util.List.of("1: missing required field borrower"), l.rejections());
    }
}
