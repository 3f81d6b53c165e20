package org.feewatch.loanbook.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.feewatch.api.InputIssue;

/**
 * Unknown fields or columns, one warning per name with its first line and how often it was seen, so
 * a million lines with an extra field give one warning, not a million.
 */
final class UnknownFields {
    private final Map<String, long[]> byName = new HashMap<>();

    void seen(String name, long line) {
        long[] v = byName.get(name);
        if (v == null) {
            byName.put(name, new long[] {line, 1});
        } else {
            v[0] = Math.min(v[0], line);
            v[1]++;
        }
    }

    void addAll(UnknownFields other) {
        other.byName.forEach((name, v) -> {
            long[] mine = byName.get(name);
            if (mine == null) {
                byName.put(name, v.clone());
            } else {
                mine[0] = Math.min(mine[0], v[0]);
                mine[1] += v[1];
            }
        });
    }

    /** The warnings, by first line. */
    List<InputIssue> warnings(String file, String what) {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(byName.entrySet());
        entries.sort((a, b) -> Long.compare(a.getValue()[0], b.getValue()[0]));
        List<InputIssue> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : entries) {
            long count = e.getValue()[1];
            String times = count == 1 ? "seen once" : String.format("seen %,d times; this is the first", count);
            out.add(InputIssue.at(file, e.getValue()[0],
                    "unknown " + what + " \"" + PlainValues.show(e.getKey()) + "\" ignored (" + times + ")"));
        }
        return out;
    }
}
