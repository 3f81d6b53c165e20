package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class BytesTest {
    /** The n-th line end the plain way: its index, or minus one minus how many there are. */
    private static int nthByHand(byte[] b, int from, int to, int n) {
        int seen = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n' && ++seen == n) {
                return i;
            }
        }
        return -1 - seen;
    }

    @Test
    void theNthLineEndIsFoundOrTheLineEndsAreCounted() {
        Random r = new Random(7);
        for (int round = 0; round < 2000; round++) {
            byte[] b = new byte[r.nextInt(200)];
            int every = round % 2 == 0 ? 4 : 40;
            for (int i = 0; i < b.length; i++) {
                // line ends dense or sparse, next to bytes that differ from '\n' by one bit
                b[i] = r.nextInt(every) == 0 ? (byte) '\n' : (byte) (r.nextBoolean() ? 0x8A : 0x0B);
            }
            int from = b.length == 0 ? 0 : r.nextInt(b.length);
            int to = from + r.nextInt(b.length - from + 1);
            int n = 1 + r.nextInt(12);
            assertEquals(nthByHand(b, from, to, n), Bytes.nthIndexOf(b, from, to, (byte) '\n', n),
                    "round " + round);
        }
    }
}
