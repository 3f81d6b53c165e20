package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The fee index may rule out a loan's fee rows only when it has none. */
class FeeIndexTest {
    private static FeeIndex index(String... ids) {
        FeeIndex index = new FeeIndex();
        long offset = 0;
        for (String id : ids) {
            index.add(IdRegistry.hash(id), offset, 10, offset + 2);
            index.addNumbered(id);
            offset += 10;
        }
        index.seal();
        return index;
    }

    private static boolean mayHave(FeeIndex index, String id) {
        byte[] b = ("xx" + id + "yy").getBytes(StandardCharsets.UTF_8);
        return index.mayHave(b, 2, b.length - 2);
    }

    private static boolean found(FeeIndex index, String id) {
        return index.firstGroup(IdRegistry.hash(id)) >= 0;
    }

    @Test
    void numberedIdsWithoutRowsAreRuledOutAndTheOthersAreNot() {
        FeeIndex index = index("G00000003", "G00000025", "G00000100", "X7", "贷款9", "G1234", "00000042");
        for (String id : new String[] {"G00000003", "G00000025", "G00000100", "X7", "贷款9", "G1234", "00000042"}) {
            assertTrue(mayHave(index, id), id);
            assertTrue(found(index, id), id);
        }
        assertFalse(mayHave(index, "G00000004"));
        assertFalse(mayHave(index, "G99999999"));
        assertFalse(found(index, "G00000004"));
        // ids of another form are left to the table
        assertTrue(mayHave(index, "G0000003"));
        assertTrue(mayHave(index, "H00000003"));
        assertTrue(mayHave(index, "G0000000x"));
        assertFalse(found(index, "H00000003"));
    }

    @Test
    void aFirstIdWithoutDigitsTurnsTheShortcutOff() {
        FeeIndex index = index("ABC", "G00000003");
        assertTrue(mayHave(index, "G00000004"));
        assertFalse(found(index, "G00000004"));
        assertTrue(found(index, "G00000003"));
    }

    @Test
    void digitsAfterANonAsciiPrefixStillWork() {
        FeeIndex index = index("贷款0001", "贷款0005");
        assertTrue(mayHave(index, "贷款0005"));
        // a non-ASCII prefix is never compared on bytes: always "maybe"
        assertTrue(mayHave(index, "贷款0002"));
    }
}
