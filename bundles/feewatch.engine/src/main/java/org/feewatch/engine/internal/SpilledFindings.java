package org.feewatch.engine.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeSet;

import org.feewatch.api.Finding;
import org.feewatch.api.FindingStream;

/**
 * The findings of a large audit: those held in memory (partners, fee items, products, portfolio,
 * and anything a rule found outside the loan it was judging) and the loans' own findings in the
 * spill files. By rule code; within a rule, the held findings in their order (subject id), then
 * the spilled loan findings in book order. The spill files are deleted once this list is no
 * longer reachable.
 */
public final class SpilledFindings extends FindingStream {

    private static final Cleaner CLEANER = Cleaner.create();

    private final List<Finding> held;
    private final FindingSpill spill;
    private final List<String> rules;
    private final int size;

    public SpilledFindings(List<Finding> held, FindingSpill spill) {
        this.held = List.copyOf(held);
        this.spill = spill;
        TreeSet<String> codes = new TreeSet<>(spill.rules());
        held.forEach(f -> codes.add(f.rule()));
        this.rules = new ArrayList<>(codes);
        this.size = Math.toIntExact(held.size() + spill.total());
        CLEANER.register(this, spill::close);
    }

    @Override
    public List<Finding> held() {
        return held;
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * By rule code: the rule's held findings, then its spilled ones, rendered when the spill
     * rendered them in {@code format}.
     */
    @Override
    public List<Run> runs(String format) {
        boolean rendered = spill.rendered(format);
        Map<String, Integer> spilled = spill.byRule();
        List<Run> runs = new ArrayList<>();
        int heldIndex = 0;
        for (String rule : rules) {
            int from = heldIndex;
            while (heldIndex < held.size() && held.get(heldIndex).rule().equals(rule)) {
                heldIndex++;
            }
            if (heldIndex > from) {
                runs.add(new HeldRun(held.subList(from, heldIndex)));
            }
            Integer n = spilled.get(rule);
            if (n != null && n > 0) {
                runs.add(new SpilledRun(rule, n, rendered));
            }
        }
        return runs;
    }

    private record HeldRun(List<Finding> findings) implements Run {
        @Override
        public int size() {
            return findings.size();
        }

        @Override
        public Iterator<Finding> iterator() {
            return findings.iterator();
        }
    }

    private final class SpilledRun implements Run {
        private final String rule;
        private final int size;
        private final boolean rendered;

        SpilledRun(String rule, int size, boolean rendered) {
            this.rule = rule;
            this.size = size;
            this.rendered = rendered;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Iterator<Finding> iterator() {
            return spill.read(rule);
        }

        @Override
        public boolean rendered() {
            return rendered;
        }

        @Override
        public void copyRendered(OutputStream out) throws IOException {
            if (!rendered) {
                throw new UnsupportedOperationException("the findings of " + rule + " were not rendered ahead");
            }
            spill.copyRendered(rule, out);
        }

        @Override
        public void copyRendered(java.nio.channels.FileChannel out) throws IOException {
            if (!rendered) {
                throw new UnsupportedOperationException("the findings of " + rule + " were not rendered ahead");
            }
            spill.copyRendered(rule, out);
        }
    }

    @Override
    public Iterator<Finding> iterator() {
        return new Iterator<>() {
            private int ruleIndex = -1;
            private Iterator<Finding> current = Collections.emptyIterator();
            private int heldIndex;

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (++ruleIndex >= rules.size()) {
                        return false;
                    }
                    String rule = rules.get(ruleIndex);
                    int from = heldIndex;
                    while (heldIndex < held.size() && held.get(heldIndex).rule().equals(rule)) {
                        heldIndex++;
                    }
                    Iterator<Finding> mine = held.subList(from, heldIndex).iterator();
                    Iterator<Finding> spilled = spill.read(rule);
                    current = new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return mine.hasNext() || spilled.hasNext();
                        }

                        @Override
                        public Finding next() {
                            return mine.hasNext() ? mine.next() : spilled.next();
                        }
                    };
                }
                return true;
            }

            @Override
            public Finding next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
