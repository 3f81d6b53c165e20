package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.feewatch.api.BorrowerType;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;
import org.junit.jupiter.api.Test;

/**
 * The values read in place (dates through the months seen, enum values by their first bytes,
 * decimals, marked bytes, fee groups in file order) must give exactly what the plain reading gives,
 * whatever was read before them.
 */
class InPlaceValuesTest {
    private static final Random RANDOM = new Random(42);

    /** "YYYY-MM-DD" often valid, often a day too many, sometimes not digits at all. */
    private static String someDate() {
        int y = RANDOM.nextInt(10) == 0 ? RANDOM.nextInt(10000) : 1990 + RANDOM.nextInt(40);
        int m = RANDOM.nextInt(8) == 0 ? RANDOM.nextInt(100) : 1 + RANDOM.nextInt(12);
        int d = RANDOM.nextInt(8) == 0 ? RANDOM.nextInt(100) : 1 + RANDOM.nextInt(31);
        char[] s = String.format("%04d-%02d-%02d", y, m, d).toCharArray();
        if (RANDOM.nextInt(20) == 0) {
            s[RANDOM.nextInt(10)] = "x-/ 0:\u00e9".charAt(RANDOM.nextInt(7));
        }
        return new String(s);
    }

    @Test
    void aDateThroughTheMonthsSeenIsThePlainReading() {
        IsoDays days = new IsoDays();
        int hits = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = someDate();
            // the date at an offset in a longer buffer, as in a line
            byte[] b = ("\"" + text + "\",").getBytes(StandardCharsets.ISO_8859_1);
            int expectedDay = PlainValues.isoDay(b, 1);
            LocalDate got = days.date(b, 1);
            if (expectedDay == 0) {
                assertEquals(null, got, text);
            } else {
                assertEquals(PlainValues.dateOf(expectedDay), got, text);
                assertEquals(expectedDay, days.lastDay, text);
                hits++;
            }
        }
        assertTrue(hits > 100_000, "most dates are valid: " + hits);
    }

    @Test
    void aDayPastTheEndOfAMonthSeenIsNoDate() {
        IsoDays days = new IsoDays();
        byte[] first = "2023-02-01".getBytes(StandardCharsets.US_ASCII);
        assertEquals(LocalDate.of(2023, 2, 1), days.date(first, 0));
        for (String bad : List.of("2023-02-29", "2023-02-00", "2023-02-3a", "2023-02-:1", "2023-02-/9")) {
            assertEquals(null, days.date(bad.getBytes(StandardCharsets.US_ASCII), 0), bad);
        }
        assertEquals(LocalDate.of(2023, 2, 28), days.date("2023-02-28".getBytes(StandardCharsets.US_ASCII), 0));
        assertEquals(LocalDate.of(2024, 2, 29), days.date("2024-02-29".getBytes(StandardCharsets.US_ASCII), 0));
        // a word of zero bytes is an empty slot's key: still no date
        assertEquals(null, days.date(new byte[10], 0));
    }

    /** Each WireValues with the wire names of its enum, in the enum's order (the order of its indexes). */
    private static final java.util.Map<WireValues<?>, List<String>> ENUMS = java.util.Map.of(
            WireValues.BORROWER_TYPES, java.util.Arrays.stream(BorrowerType.values()).map(BorrowerType::wireName).toList(),
            WireValues.RATE_TYPES, java.util.Arrays.stream(RateType.values()).map(RateType::wireName).toList(),
            WireValues.REPAYMENTS, java.util.Arrays.stream(Repayment.values()).map(Repayment::wireName).toList(),
            WireValues.FEE_TIMINGS, java.util.Arrays.stream(FeeTiming.values()).map(FeeTiming::wireName).toList());

    /** The plain reading: the index of the value whose quoted name is at p, by comparing every byte. */
    private static int quotedByHand(List<String> names, byte[] b, int p, int end) {
        for (int i = 0; i < names.size(); i++) {
            byte[] q = ('"' + names.get(i) + '"').getBytes(StandardCharsets.US_ASCII);
            if (p + q.length <= end && java.util.Arrays.equals(q, 0, q.length, b, p, p + q.length)) {
                // as before: a name whose last word would pass the array's end is left to the full path
                return p + (q.length + 7) / 8 * 8 <= b.length ? i : -1;
            }
        }
        return -1;
    }

    private static int fieldByHand(List<String> names, byte[] b, int p, int end) {
        for (int i = 0; i < names.size(); i++) {
            byte[] q = names.get(i).getBytes(StandardCharsets.US_ASCII);
            int e = p + q.length;
            if (e <= end && (e == end || b[e] == ',') && java.util.Arrays.equals(q, 0, q.length, b, p, e)) {
                return p + (q.length + 7) / 8 * 8 <= b.length ? i : -1;
            }
        }
        return -1;
    }

    @Test
    void everyEnumValueIsFoundByItsFirstBytesAndNothingElseIs() {
        for (var e : ENUMS.entrySet()) {
            WireValues<?> values = e.getKey();
            List<String> names = e.getValue();
            List<String> texts = new ArrayList<>();
            for (String n : names) {
                texts.add(n);
                texts.add(n.substring(0, n.length() - 1));
                texts.add(n + "-");
                texts.add(n + "x");
                texts.add(n.toUpperCase(java.util.Locale.ROOT));
                texts.add(n.replace('e', '\u00e9'));
            }
            texts.add("");
            texts.add("m");
            for (String text : texts) {
                for (String after : List.of("", ",", "\",\"next\":1}", ",2018-09-11,x,y,z,w,v,u,t,s", "\u00e9\u00e9")) {
                    String json = "\"" + text + "\"" + after;
                    String csv = text + after;
                    for (int pad = 0; pad < 30; pad += 29) {
                        // pad 0: near the array's end for short texts; pad 29: room for three words
                        byte[] jb = (json + " ".repeat(pad)).getBytes(StandardCharsets.UTF_8);
                        int jEnd = json.getBytes(StandardCharsets.UTF_8).length;
                        assertEquals(quotedByHand(names, jb, 0, jEnd), values.quotedAt(jb, 0, jEnd), json);
                        byte[] cb = (csv + " ".repeat(pad)).getBytes(StandardCharsets.UTF_8);
                        int cEnd = csv.getBytes(StandardCharsets.UTF_8).length;
                        assertEquals(fieldByHand(names, cb, 0, cEnd), values.fieldAt(cb, 0, cEnd), csv);
                    }
                }
            }
        }
    }

    @Test
    void theMarkedByteIsTheLowestOne() {
        for (int marks = 1; marks < 256; marks++) {
            long m = 0;
            for (int k = 0; k < 8; k++) {
                if ((marks & (1 << k)) != 0) {
                    m |= 0x80L << (8 * k);
                }
            }
            assertEquals(Long.numberOfTrailingZeros(m) >>> 3, Bytes.firstMarked(m), Long.toHexString(m));
        }
    }

    /** The reading of {@link PlainDecimal#read} before it had a loop for each part: {end, unscaled, scale} or null. */
    private static long[] readBefore(byte[] b, int p, int limit) {
        int i = p;
        boolean negative = i < limit && b[i] == '-';
        if (negative) {
            i++;
        }
        int digitsStart = i;
        long v = 0;
        int point = -1;
        while (i < limit) {
            byte c = b[i];
            int dg = c - '0';
            if (dg >= 0 && dg <= 9) {
                v = v * 10 + dg;
            } else if (c == '.' && point < 0) {
                point = i;
            } else {
                break;
            }
            i++;
        }
        int digits = i - digitsStart - (point < 0 ? 0 : 1);
        if (point == digitsStart || point == i - 1 || digits == 0 || digits > 18) {
            return null;
        }
        return new long[] {i, negative ? -v : v, point < 0 ? 0 : i - point - 1};
    }

    @Test
    void aPlainDecimalReadInPlaceIsTheReadingBefore() {
        List<String> texts = new ArrayList<>(List.of("0", "-0", "1.", ".5", "-.5", "1.2.3", "12", "-12.50",
                "123456789012345678", "1234567890123456789", "12345678901234567.8", "1234567890123456.78",
                "00.10", "1e5", "1,000", "+1", "-", "", "4.25", "376000.00", "1..2", "-1.-2"));
        for (int i = 0; i < 20000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = RANDOM.nextInt(22);
            for (int k = 0; k < n; k++) {
                sb.append("0123456789012345678.-e,".charAt(RANDOM.nextInt(23)));
            }
            texts.add(sb.toString());
        }
        PlainDecimal quick = new PlainDecimal();
        for (String text : texts) {
            for (String after : List.of("", "\"", ",")) {
                byte[] b = (text + after).getBytes(StandardCharsets.US_ASCII);
                long[] before = readBefore(b, 0, b.length);
                boolean read = quick.read(b, 0, b.length);
                assertEquals(before != null, read, text);
                if (read) {
                    assertEquals(before[0], quick.end, text);
                    assertEquals(before[1], quick.unscaled, text);
                    assertEquals(before[2], quick.scale, text);
                }
            }
        }
    }

    /** The plain split byte by byte, as before words: the fields' bounds and the first high byte, or null. */
    private static int[] splitByHand(byte[] b, int s, int e) {
        List<Integer> out = new ArrayList<>();
        int firstHigh = -1;
        int fieldStart = s;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == ',') {
                out.add(fieldStart);
                out.add(i);
                fieldStart = i + 1;
            } else if (c < 0) {
                firstHigh = firstHigh < 0 ? i : firstHigh;
            } else if (c == '"' || c == ' ' || c == '\t') {
                return null;
            }
        }
        out.add(fieldStart);
        out.add(e);
        out.add(firstHigh);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void aPlainSplitByWordsIsTheSplitByBytes() {
        CsvFields f = new CsvFields();
        String alphabet = "ab,,,,0123\"\t 担保费é";
        for (int round = 0; round < 50_000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = RANDOM.nextInt(60);
            for (int k = 0; k < n; k++) {
                // mostly plain bytes and commas, now and then a quote, blank or tab
                char c = alphabet.charAt(RANDOM.nextInt(RANDOM.nextInt(50) == 0 ? alphabet.length() : 10));
                sb.append(RANDOM.nextInt(12) == 0 ? alphabet.charAt(13 + RANDOM.nextInt(4)) : c);
            }
            byte[] b = ("x" + sb + "y").getBytes(StandardCharsets.UTF_8);
            int s = 1;
            int e = b.length - 1;
            int[] expected = splitByHand(b, s, e);
            boolean plain = f.splitPlain(b, s, e);
            assertEquals(expected != null, plain, sb.toString());
            if (plain) {
                int[] got = new int[2 * f.count() + 1];
                for (int i = 0; i < f.count(); i++) {
                    got[2 * i] = f.start(i);
                    got[2 * i + 1] = f.end(i);
                }
                got[got.length - 1] = f.firstHigh();
                assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(got), sb.toString());
            }
        }
    }

    @Test
    void aFeeGroupFoundFromItsHintIsTheOneTheTableGives() {
        FeeIndex index = new FeeIndex();
        long[] hashes = new long[3000];
        for (int g = 0; g < hashes.length; g++) {
            // ids that repeat in later groups, and hashes that collide in the table's slots
            hashes[g] = RANDOM.nextInt(5) == 0 && g > 0 ? hashes[RANDOM.nextInt(g)]
                    : (RANDOM.nextInt(4) == 0 ? (long) RANDOM.nextInt(64) << 32 : RANDOM.nextLong());
            index.add(hashes[g], g * 100L, 100, g + 2L);
        }
        index.seal();
        for (int g = 0; g < hashes.length; g++) {
            long h = hashes[g];
            int expected = index.firstGroup(h);
            for (int hint : new int[] {-1, 0, g - 1, g, g + 1, hashes.length, expected}) {
                assertEquals(expected, index.firstGroup(h, hint), "group " + g + " hint " + hint);
            }
        }
        assertEquals(-1, index.firstGroup(12345L, 7));
    }
}
