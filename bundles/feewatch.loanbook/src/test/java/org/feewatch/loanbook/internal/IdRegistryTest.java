package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IdRegistryTest {
    @Test
    void aBookInIdOrderIsOneRunAndEveryRepeatNamesItsFirstLine() {
        IdRegistry ids = new IdRegistry();
        int n = 200_000;
        for (int i = 1; i <= n; i++) {
            assertEquals(-1, ids.firstLine(String.format("G%08d", i), i + 1));
        }
        assertEquals(1, ids.runs());
        assertEquals(0, ids.hashedIds());
        assertEquals(2, ids.firstLine("G00000001", n + 2));
        assertEquals(123_457, ids.firstLine("G00123456", n + 3));
        assertEquals(n + 1, ids.firstLine(String.format("G%08d", n), n + 4));
    }

    @Test
    void digitsWithLeadingZerosAreDifferentIds() {
        IdRegistry ids = new IdRegistry();
        assertEquals(-1, ids.firstLine("L1", 1));
        assertEquals(-1, ids.firstLine("L01", 2));
        assertEquals(-1, ids.firstLine("L001", 3));
        assertEquals(-1, ids.firstLine("1", 4));
        assertEquals(-1, ids.firstLine("M1", 5));
        assertEquals(2, ids.firstLine("L01", 6));
        assertEquals(4, ids.firstLine("1", 7));
    }

    @Test
    void gapsInNumbersOrLinesStartNewRunsAndStayExact() {
        IdRegistry ids = new IdRegistry();
        ids.firstLine("A10", 2);
        ids.firstLine("A11", 3);
        ids.firstLine("A12", 5); // a blank or rejected line before it
        ids.firstLine("A20", 6);
        ids.firstLine("A5", 7); // out of order
        assertEquals(3, ids.firstLine("A11", 8));
        assertEquals(5, ids.firstLine("A12", 9));
        assertEquals(7, ids.firstLine("A5", 10));
        assertEquals(-1, ids.firstLine("A13", 11));
        assertEquals(-1, ids.firstLine("A6", 12));
    }

    @Test
    void idsWithoutNumbersOrInAnyOrderAreStillExact() {
        IdRegistry ids = new IdRegistry();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            all.add("L" + i);
            all.add("借据-" + Integer.toHexString(i * 7919) + "-x");
        }
        Collections.shuffle(all, new Random(3));
        for (int i = 0; i < all.size(); i++) {
            assertEquals(-1, ids.firstLine(all.get(i), i + 1), all.get(i));
        }
        for (int i = 0; i < all.size(); i += 97) {
            assertEquals(i + 1, ids.firstLine(all.get(i), all.size() + 1 + i), all.get(i));
        }
    }
}
