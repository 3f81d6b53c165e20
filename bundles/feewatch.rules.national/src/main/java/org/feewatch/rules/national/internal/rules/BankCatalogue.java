package org.feewatch.rules.national.internal.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.feewatch.api.Disclosure;
import org.feewatch.api.Evidence;
import org.feewatch.api.FeeItem;
import org.feewatch.api.Price;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.engine.fees.SmallMicroExemption;
import org.feewatch.engine.price.PriceEvaluator;
import org.feewatch.engine.price.PriceParser;

/**
 * The audited institution's published price catalogue: the items of every {@code price-catalog}
 * source it owns that was read, each with its canonical category, and a way to find the entries
 * that publish a loan's fee (same category, or the same name when the dictionary knows neither).
 */
final class BankCatalogue {

    /**
     * A published item with the disclosure it was read from, its category, whether its entry
     * exempts small and micro borrowers and its price (here the item's, else its text parsed; PART-004
     * builds them for partner schedules too), all read once per audit, not once per loan.
     */
    record Entry(Disclosure disclosure, FeeItem item, String category, boolean exemptsSmallMicro, Price price,
            Price smallMicroPrice, Price otherPrice) {

        Entry(Disclosure disclosure, FeeItem item, String category, boolean exemptsSmallMicro, Price price) {
            this(disclosure, item, category, exemptsSmallMicro, price, PriceEvaluator.forBorrower(price, true),
                    PriceEvaluator.forBorrower(price, false));
        }

        /** The price for a borrower of this size (a price written by borrower size has a part for each). */
        Price priceFor(boolean smallOrMicro) {
            return smallOrMicro ? smallMicroPrice : otherPrice;
        }

        String sourceId() {
            return item.sourceId() != null ? item.sourceId() : disclosure.source().id();
        }

        Evidence evidence() {
            return PartnerFacts.evidence(disclosure, item);
        }
    }

    private static final Entry[] NONE = new Entry[0];
    /** Bound on the answers kept for charged items the dictionary does not know (matched by name). */
    private static final int NAME_CACHE_LIMIT = 10_000;

    private final AuditContext context;
    private final String institutionId;
    private final List<Entry> entries = new ArrayList<>();
    private final List<SourceRef> declared = new ArrayList<>();
    /** The entries of each category, in catalogue order. */
    private final Map<String, Entry[]> byCategory = new HashMap<>();
    /** The entries without a category, by normalised item name, in catalogue order. */
    private final Map<String, Entry[]> byName = new HashMap<>();
    /** Charged item names the dictionary does not know, with their entries by name (normalised once). */
    private final Map<String, Entry[]> byChargedName = new ConcurrentHashMap<>();

    BankCatalogue(AuditContext context) {
        this.context = context;
        this.institutionId = context.caseInfo().institutionId();
        for (SourceRef ref : context.sources()) {
            if (ref.kind() == SourceKind.PRICE_CATALOG && institutionId.equals(ref.owner())) {
                declared.add(ref);
            }
        }
        for (Disclosure d : context.disclosuresOf(institutionId)) {
            if (d.source() == null || d.source().kind() != SourceKind.PRICE_CATALOG || !isRead(d.source().id())) {
                continue;
            }
            for (FeeItem item : d.items()) {
                String category = item.category() != null ? item.category()
                        : context.feeDictionary().categoryOf(item.name());
                entries.add(new Entry(d, item, category, SmallMicroExemption.exempts(item),
                        item.price() != null ? item.price() : PriceParser.parse(item.priceText())));
            }
        }
        Map<String, List<Entry>> categories = new HashMap<>();
        Map<String, List<Entry>> names = new HashMap<>();
        for (Entry e : entries) {
            if (e.category != null) {
                categories.computeIfAbsent(e.category, k -> new ArrayList<>()).add(e);
            } else {
                String name = normalise(e.item.name());
                if (!name.isEmpty()) {
                    names.computeIfAbsent(name, k -> new ArrayList<>()).add(e);
                }
            }
        }
        categories.forEach((k, v) -> byCategory.put(k, v.toArray(NONE)));
        names.forEach((k, v) -> byName.put(k, v.toArray(NONE)));
    }

    private boolean isRead(String sourceId) {
        for (SourceStatus s : context.sourceStatuses()) {
            if (s.id().equals(sourceId)) {
                return s.ok();
            }
        }
        return true;
    }

    String institutionId() {
        return institutionId;
    }

    /**
     * Evidence that an item is in none of the institution's catalogues: one line per catalogue that
     * was read, with its own item count, and one per declared catalogue that could not be read (the item
     * may be published there), so that a bank with several catalogues sees each one cited.
     */
    List<Evidence> absenceEvidence(String what) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Disclosure> pages = new LinkedHashMap<>();
        for (Entry e : entries) {
            counts.merge(e.sourceId(), 1, Integer::sum);
            pages.putIfAbsent(e.sourceId(), e.disclosure());
        }
        List<Evidence> out = new ArrayList<>();
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            Disclosure d = pages.get(c.getKey());
            out.add(new Evidence(c.getKey(), "price catalogue", "none of the " + c.getValue() + " published items is "
                    + what, d.snapshot() == null ? null : d.snapshot().sha256()));
        }
        for (SourceRef ref : declared) {
            if (counts.containsKey(ref.id())) {
                continue;
            }
            String status = "read, but no fee items could be extracted";
            for (SourceStatus s : context.sourceStatuses()) {
                if (s.id().equals(ref.id()) && !s.ok()) {
                    status = "could not be read (" + s.error() + ")";
                }
            }
            out.add(new Evidence(ref.id(), ref.location(), status + ", so it is not known whether it publishes " + what,
                    null));
        }
        return out;
    }

    /** True when at least one item of the institution's catalogue could be read. */
    boolean readable() {
        return !entries.isEmpty();
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * The published entries for a charged item, in catalogue order: those of its category, or, when
     * the dictionary knows neither the item nor the entry, those of the same name (compared without
     * spaces, brackets and full-width forms). From tables built once per audit: no list and, for a
     * known category, no string per call. Do not modify the array.
     */
    Entry[] publishedFor(String chargedItem, String category) {
        if (category != null) {
            Entry[] found = byCategory.get(category);
            return found == null ? NONE : found;
        }
        if (chargedItem == null) {
            return NONE;
        }
        Entry[] found = byChargedName.get(chargedItem);
        if (found == null) {
            String name = normalise(chargedItem);
            found = name.isEmpty() ? NONE : byName.getOrDefault(name, NONE);
            if (byChargedName.size() >= NAME_CACHE_LIMIT) {
                byChargedName.clear();
            }
            byChargedName.put(chargedItem, found);
        }
        return found;
    }

    /**
     * The info finding a rule gives when the catalogue it judges against could not be read at all:
     * once per audit, about the catalogue source (or the institution when none is declared).
     */
    void reportUnreadable(FindingSink sink, RuleInfo rule, int feesNotJudged, int loansNotJudged) {
        String subjectId = declared.isEmpty() ? institutionId : declared.get(0).id();
        List<Evidence> evidence = new ArrayList<>();
        for (SourceRef ref : declared) {
            String status = "read, but no fee items could be extracted";
            for (SourceStatus s : context.sourceStatuses()) {
                if (s.id().equals(ref.id()) && !s.ok()) {
                    status = "failed: " + s.error();
                }
            }
            evidence.add(new Evidence(ref.id(), ref.location(), status, null));
        }
        if (declared.isEmpty()) {
            evidence.add(new Evidence("sources.json", "kind price-catalog",
                    "no price-catalog source owned by " + institutionId, null));
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("feesNotJudged", Integer.toString(feesNotJudged));
        metrics.put("loansNotJudged", Integer.toString(loansNotJudged));
        sink.add(rule, Severity.INFO, Subject.source(subjectId),
                rule.code() + " not evaluated: the published price catalogue of " + institutionId
                        + " could not be read, so " + feesNotJudged + " bank fee(s) on " + loansNotJudged
                        + " loan(s) could not be checked against it",
                evidence, metrics);
    }

    /** Item names compared without spaces, brackets and full-width forms. */
    static String normalise(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (Character.isWhitespace(c) || c == '\u3000' || "()[]【】\"“”'‘’".indexOf(c) >= 0) {
                continue;
            }
            b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }
}
