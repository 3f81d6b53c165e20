package org.feewatch.engine;

/**
 * Compares strings with runs of ASCII digits taken as numbers: L2 before L10, 2023Q1 before 2023Q2.
 * Allocation-free, since a report's findings are sorted with it.
 */
final class NaturalOrder {

    private NaturalOrder() {
    }

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        int la = a.length();
        int lb = b.length();
        while (i < la && j < lb) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                // skip leading zeros, then the longer run is the larger number
                while (i < la - 1 && a.charAt(i) == '0' && isDigit(a.charAt(i + 1))) {
                    i++;
                }
                while (j < lb - 1 && b.charAt(j) == '0' && isDigit(b.charAt(j + 1))) {
                    j++;
                }
                int ei = i;
                while (ei < la && isDigit(a.charAt(ei))) {
                    ei++;
                }
                int ej = j;
                while (ej < lb && isDigit(b.charAt(ej))) {
                    ej++;
                }
                if (ei - i != ej - j) {
                    return Integer.compare(ei - i, ej - j);
                }
                for (; i < ei; i++, j++) {
                    if (a.charAt(i) != b.charAt(j)) {
                        return Character.compare(a.charAt(i), b.charAt(j));
                    }
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(la - i, lb - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
