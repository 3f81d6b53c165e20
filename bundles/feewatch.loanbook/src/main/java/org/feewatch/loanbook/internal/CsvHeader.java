package org.feewatch.loanbook.internal;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.feewatch.api.InputIssue;

/** A CSV header line mapped to canonical columns, with what is unknown, doubled or missing. */
final class CsvHeader {
    final int fieldCount;
    /** Canonical column index → field index, or -1. */
    final int[] fieldOf;
    /** Canonical column index → the name to use in messages. */
    final String[] names;
    final List<String> missingRequired = new ArrayList<>();
    /** The header's names as written (stripped, without a byte-order mark), to know the header again. */
    final List<String> raw = new ArrayList<>();
    final List<InputIssue> warnings = new ArrayList<>();

    private CsvHeader(int fieldCount, int columns) {
        this.fieldCount = fieldCount;
        this.fieldOf = new int[columns];
        this.names = new String[columns];
        Arrays.fill(fieldOf, -1);
    }

    static CsvHeader parse(byte[] b, int s, int e, Charset cs, String file, List<String> canonical,
            List<String> required, UnaryOperator<String> mapper, String consequence) {
        CsvFields fields = new CsvFields();
        List<String> headers = new ArrayList<>();
        String problem = null;
        try {
            if (cs == java.nio.charset.StandardCharsets.UTF_8 && Utf8.firstInvalid(b, s, e) >= 0) {
                throw new Reject("invalid UTF-8 at byte " + (Utf8.firstInvalid(b, s, e) - s + 1));
            }
            fields.split(b, s, e);
            for (int i = 0; i < fields.count(); i++) {
                headers.add(fields.text(i, cs, null));
            }
        } catch (Reject r) {
            problem = r.getMessage();
            headers.clear();
        }
        CsvHeader h = new CsvHeader(headers.size(), canonical.size());
        for (String header : headers) {
            h.raw.add(header.replace("\uFEFF", "").strip());
        }
        if (problem != null) {
            h.warnings.add(InputIssue.at(file, 1, "the header line cannot be read: " + problem));
        }
        List<Integer> nameless = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            if (ColumnMapping.normalize(header).isEmpty()) {
                // Excel writes the empty columns right of a table as ",,": one warning for them all
                nameless.add(i + 1);
                continue;
            }
            String c = mapper.apply(header);
            if (c == null) {
                String unit = ColumnMapping.otherUnit(header, mapper);
                h.warnings.add(InputIssue.at(file, 1, unit != null ? unit
                        : "unknown column \"" + PlainValues.show(header.strip())
                        + "\" ignored (no mapping in configuration org.feewatch.loanbook.columns)"));
                continue;
            }
            int k = canonical.indexOf(c);
            if (h.fieldOf[k] >= 0) {
                h.warnings.add(InputIssue.at(file, 1, "column \"" + PlainValues.show(header.strip())
                        + "\" means " + c + " like an earlier column; the earlier one is used"));
                continue;
            }
            h.fieldOf[k] = i;
            String shown = header.strip();
            h.names[k] = ColumnMapping.normalize(shown).equals(c) ? c : shown + " (" + c + ")";
        }
        if (!nameless.isEmpty()) {
            h.warnings.add(InputIssue.at(file, 1, (nameless.size() == 1 ? "column " + nameless.get(0)
                    + " has no name in the header: it is" : "columns " + numbers(nameless)
                    + " have no name in the header: they are") + " ignored"));
        }
        for (int k = 0; k < canonical.size(); k++) {
            if (h.names[k] == null) {
                h.names[k] = canonical.get(k);
                if (required.contains(canonical.get(k))) {
                    h.missingRequired.add(canonical.get(k));
                }
            }
        }
        if (!h.missingRequired.isEmpty()) {
            h.warnings.add(InputIssue.at(file, 1, "the header has no column for " + String.join(", ",
                    h.missingRequired) + " (or a header that configuration maps to it)"
                    + otherSeparator(headers) + ": " + consequence));
        }
        return h;
    }

    /** 14, 15 and 16. */
    private static String numbers(List<Integer> n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n.size(); i++) {
            b.append(i == 0 ? "" : i == n.size() - 1 ? " and " : ", ").append(n.get(i));
        }
        return b.toString();
    }

    /** A hint when the header is one field separated by something else (European Excel's ';', tabs). */
    private static String otherSeparator(List<String> headers) {
        if (headers.size() != 1) {
            return "";
        }
        for (String[] sep : new String[][] {{";", "semicolons"}, {"\t", "tabs"}, {"|", "vertical bars"}}) {
            if (headers.get(0).contains(sep[0])) {
                return "; its names are separated by " + sep[1] + ", and the file must be comma separated";
            }
        }
        return "";
    }

    int field(int canonicalIndex) {
        return fieldOf[canonicalIndex];
    }
}
