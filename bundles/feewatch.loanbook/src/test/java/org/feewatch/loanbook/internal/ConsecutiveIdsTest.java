package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chunk whose ids run on (one prefix, the next number on the next line) is checked for duplicates
 * in one step; every other chunk, and any run that meets an id seen before, id by id. Both give the
 * rejections a plain map of ids gives, whatever the chunks.
 */
class ConsecutiveIdsTest {
    private static final String LINE = "{\"id\":\"%s\",\"borrower\":{\"id\":\"B1\",\"type\":\"micro\","
            + "\"established\":\"2019-04-02\"},\"principal\":\"300000.00\",\"contractDate\":\"2023-03-15\","
            + "\"maturityDate\":\"2024-03-15\",\"rate\":{\"type\":\"lpr\",\"tenor\":\"1Y\",\"spreadBp\":85,"
            + "\"nominal\":\"4.50\"},\"repayment\":\"equal-installment\"}";

    private static final String CSV_HEADER = "id,borrower_id,borrower_type,borrower_established,product,channel,"
            + "principal,contract_date,maturity_date,rate_type,rate_tenor,spread_bp,nominal_rate,repayment,"
            + "on_lending,compensating_deposit";
    private static final String CSV_ROW = "%s,B1,micro,2019-04-02,普惠e贷,,300000.00,2023-03-15,2024-03-15,lpr,1Y,85,"
            + "4.50,equal-installment,false,0";

    @TempDir
    Path tmp;

    @Test
    void runsOfIdsGiveTheDuplicatesAMapGives() throws IOException {
        List<String> ids = ids();
        StringBuilder book = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            book.append(String.format(LINE, ids.get(i))).append('\n');
            if (i % 97 == 0) {
                // a blank line: the lines after it do not follow on from the one before
                book.append('\n');
            }
        }
        Files.writeString(tmp.resolve("loans.jsonl"), book.toString());

        List<String> expected = expectedDuplicates(book.toString(), 0);
        assertEquals(51 + 1 + 11 + 3, expected.size(), expected.toString());
        for (int lines : new int[] {0, 1, 2, 7, 50, 4096}) {
            CollectingListener read = Books.readJsonl(tmp, new ReaderSettings(2, 4096, 1024, lines));
            assertEquals(expected, read.rejections(), "batchLines " + lines);
            assertEquals(ids.size() - expected.size(), read.loans().size());
        }
    }

    @Test
    void runsOfIdsInACsvBookGiveTheDuplicatesAMapGives() throws IOException {
        List<String> ids = ids();
        StringBuilder book = new StringBuilder(CSV_HEADER).append('\n');
        for (int i = 0; i < ids.size(); i++) {
            book.append(String.format(CSV_ROW, ids.get(i))).append(i % 5 == 0 ? "\r\n" : "\n");
            if (i % 89 == 0) {
                book.append('\n');
            }
        }
        Files.writeString(tmp.resolve("loans.csv"), book.toString());
        Files.writeString(tmp.resolve("fees.csv"), "loan_id,payee,item,amount,when\n");

        List<String> expected = expectedDuplicates(book.toString(), 1);
        assertEquals(51 + 1 + 11 + 3, expected.size(), expected.toString());
        for (int lines : new int[] {0, 1, 3, 50, 4096}) {
            CollectingListener read = Books.readCsv(tmp, new ReaderSettings(2, 4096, 1024, lines));
            assertEquals(expected, read.rejections(), "batchLines " + lines);
            assertEquals(ids.size() - expected.size(), read.loans().size());
        }
    }

    private static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            ids.add(String.format("G%08d", i));
        }
        // a run that repeats ids seen before, in order: consecutive, and every one a duplicate
        for (int i = 40; i <= 90; i++) {
            ids.add(String.format("G%08d", i));
        }
        // the run goes on where it left off, then a repeat in the middle of a run
        for (int i = 301; i <= 400; i++) {
            ids.add(String.format("G%08d", i == 350 ? 7 : i));
        }
        // a run whose numbers go on into ids that come later in the book
        for (int i = 500; i <= 520; i++) {
            ids.add(String.format("G%08d", i));
        }
        for (int i = 401; i <= 510; i++) {
            ids.add(String.format("G%08d", i));
        }
        // other prefixes and widths, and ids that only end in digits
        for (int i = 1; i <= 30; i++) {
            ids.add("L" + i);
            ids.add(String.format("G%09d", i));
        }
        ids.add("G00000001");
        ids.add("L7");
        ids.add("G000000001");
        return ids;
    }

    /** "line: message" of every repeated id, from a map of each id's first line. */
    private static List<String> expectedDuplicates(String book, int headerLines) {
        Map<String, Integer> first = new HashMap<>();
        List<String> out = new ArrayList<>();
        String[] lines = book.split("\n", -1);
        for (int i = headerLines; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String id = headerLines == 0 ? lines[i].substring(7, lines[i].indexOf('"', 7))
                    : lines[i].substring(0, lines[i].indexOf(','));
            Integer seen = first.putIfAbsent(id, i + 1);
            if (seen != null) {
                out.add((i + 1) + ": duplicate loan id \"" + id + "\" (first on line " + seen + ")");
            }
        }
        return out;
    }

    @Test
    void theRegistryTakesARunOnlyWhenEachIdWouldBeNew() {
        IdRegistry ids = new IdRegistry();
        assertEquals(-1, ids.firstLine("A10", 1));
        assertTrue(ids.followedBy("A10", 10, 1, 5));
        assertEquals(1, ids.runs());
        assertEquals(6, ids.firstLine("A15", 20));
        assertEquals(-1, ids.firstLine("A30", 21));
        // A16..A40 would run into A30, seen before: not taken at once
        assertEquals(-1, ids.firstLine("A16", 22));
        assertFalse(ids.followedBy("A16", 16, 22, 24));
        assertTrue(ids.followedBy("A16", 16, 22, 13));
        assertEquals(22 + 13, ids.firstLine("A29", 40));
        // a different prefix than the run last used, or a line that does not follow
        assertEquals(-1, ids.firstLine("B1", 41));
        assertFalse(ids.followedBy("A31", 31, 42, 3));
        assertFalse(ids.followedBy("B1", 1, 40, 3));
        // once any id is hashed, runs are asked one by one
        assertEquals(-1, ids.firstLine("no-number", 50));
        assertEquals(-1, ids.firstLine("B2", 51));
        assertFalse(ids.followedBy("B2", 2, 51, 3));
    }
}
