package org.feewatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReportWriterTest {

    /** A small RFC 4180 reader, to check that what is written reads back field for field. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }

    @Test
    void oneFindingARowThatReadsBackExactly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvReportWriter().write(SampleReports.full(), out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith(CsvReportWriter.HEADER + "\r\n"));
        List<List<String>> rows = parse(text);
        assertEquals(5, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.size() == 9), rows.toString());
        assertEquals(List.of("FEE-001", "critical", "loan", "L0001",
                "Prohibited fee 贷款承诺费 charged to a micro borrower", "refund",
                "loans.jsonl line 1: 贷款承诺费 1500.00 | bank-catalog table > tr:nth-child(3): 贷款承诺费, \"0.5%\"",
                "amount=1500.00", "银保监发〔2020〕18号"), rows.get(1));
        assertEquals("bank-catalog:贷款意向书", rows.get(2).get(3));
    }
}
