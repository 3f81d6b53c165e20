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
import org.feewatch.engine.price.DateRange;
import org.feewatch.engine.price.DatedTerms;
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
     * builds them for partner schedules too), all read once per audit, not once per loan; {@code dating}
     * is when the price applies and its dated discounts ({@link Dating#NONE} for an undated item).
     */
    record Entry(Disclosure disclosure, FeeItem item, String category, boolean exemptsSmallMicro, Price price,
            Price smallMicroPrice, Price otherPrice, Dating dating) {

        Entry(Disclosure disclosure, FeeItem item, String category, boolean exemptsSmallMicro, Price price) {
            this(disclosure, item, category, exemptsSmallMicro, price, Dating.NONE);
        }

        Entry(Disclosure disclosure, FeeItem item, String category, boolean exemptsSmallMicro, Price price,
                Price smallMicroPrice, Price otherPrice) {
            this(disclosure, item, category, exemptsSmallMicro, price, smallMicroPrice, otherPrice, Dating.NONE);
        }

        Entry(Disclosure disclosure, FeeItem item, String category, boolean exemptsSmallMicro, Price price,
                Dating dating) {
            this(disclosure, item, category, exemptsSmallMicro, price, PriceEvaluator.forBorrower(price, true),
                    PriceEvaluator.forBorrower(price, false), dating);
        }

        /** The price for a borrower of this size (a price written by borrower size has a part for each). */
        Price priceFor(boolean smallOrMicro) {
            return smallOrMicro ? smallMicroPrice : otherPrice;
        }

        /**
         * The price for a borrower of this size on {@code day} (an epoch day, {@link Dating#NO_DAY} when
         * the loan has no date): after the lowest dated discount in force then for the borrower.
         */
        Price priceFor(boolean smallOrMicro, long day) {
            int d = dating.discountOn(day, smallOrMicro);
            return d < 0 ? priceFor(smallOrMicro) : dating.discounted(d, smallOrMicro);
        }

        /** True when a borrower of this size pays nothing for the item on {@code day}: exempt, or a dated waiver. */
        boolean exemptFor(boolean smallOrMicro, long day) {
            if (!smallOrMicro) {
                return false;
            }
            return dating == Dating.NONE ? exemptsSmallMicro : dating.standingExempt || dating.waivedOn(day);
        }

        /** True when the item's price applies on {@code day}: undated, or its period contains the day. */
        boolean inForce(long day) {
            return day == Dating.NO_DAY || day >= dating.from && day <= dating.to;
        }

        String sourceId() {
            return item.sourceId() != null ? item.sourceId() : disclosure.source().id();
        }

        Evidence evidence() {
            return PartnerFacts.evidence(disclosure, item);
        }

        /**
         * The evidence of the item as judged on {@code day} for a borrower of this size: the row, and for
         * a dated item which dated row and discount were used (「…（2023-01-01起执行）」), so that a reader
         * can check the choice.
         */
        Evidence evidence(long day, boolean smallOrMicro) {
            return evidence(day, smallOrMicro, CONTRACT_DATE);
        }

        /** As {@link #evidence(long, boolean)}, the day named as {@code dateName} (the contract date, the audit date). */
        Evidence evidence(long day, boolean smallOrMicro, String dateName) {
            Evidence e = evidence();
            String note = note(day, smallOrMicro, dateName);
            return note.isEmpty() ? e : new Evidence(e.source(), e.locator(), e.text() + note, e.sha256());
        }

        /** What the dates of the item say for this judgement, in 「（…）」; empty for an undated item. */
        String note(long day, boolean smallOrMicro) {
            return note(day, smallOrMicro, CONTRACT_DATE);
        }

        String note(long day, boolean smallOrMicro, String dateName) {
            return dating == Dating.NONE ? "" : dating.note(day, smallOrMicro, inForce(day), dateName);
        }
    }

    /** How evidence names the day a loan is judged on. */
    static final String CONTRACT_DATE = "the contract date";
    /** How evidence names the day a published item is judged on: the case's asOf. */
    static final String AUDIT_DATE = "the audit date";

    /**
     * When an entry's price applies and the discounts it gives for a period, resolved once per entry:
     * a loan's judgement compares epoch days and takes prices already discounted, nothing parsed.
     */
    static final class Dating {
        /** The day of a loan without a contract date: every entry in force, no dated discount. */
        static final long NO_DAY = Long.MIN_VALUE;
        static final Dating NONE = new Dating(null, List.of(), null, null, false);

        final DateRange period;
        final long from;
        final long to;
        final DatedTerms.Discount[] discounts;
        final long[] discountFrom;
        final long[] discountTo;
        final Price[] smallMicroPrices;
        final Price[] otherPrices;
        /** Whether the entry exempts small and micro borrowers without its dated discounts. */
        final boolean standingExempt;
        /** Whether a date is stated: a period for the price or a discount's (not only discounts without a period). */
        final boolean hasDates;

        private Dating(DateRange period, List<DatedTerms.Discount> discounts, Price smallMicroPrice,
                Price otherPrice, boolean standingExempt) {
            this.period = period;
            this.from = period == null ? Long.MIN_VALUE : period.fromDay();
            this.to = period == null ? Long.MAX_VALUE : period.toDay();
            this.discounts = discounts.toArray(new DatedTerms.Discount[0]);
            int n = this.discounts.length;
            this.discountFrom = new long[n];
            this.discountTo = new long[n];
            this.smallMicroPrices = new Price[n];
            this.otherPrices = new Price[n];
            for (int i = 0; i < n; i++) {
                discountFrom[i] = this.discounts[i].period().fromDay();
                discountTo[i] = this.discounts[i].period().toDay();
                smallMicroPrices[i] = this.discounts[i].apply(smallMicroPrice);
                otherPrices[i] = this.discounts[i].apply(otherPrice);
            }
            this.standingExempt = standingExempt;
            boolean any = period != null;
            for (DatedTerms.Discount d : this.discounts) {
                any |= d.period().from() != null || d.period().to() != null;
            }
            this.hasDates = any;
        }

        static Dating of(DateRange period, DatedTerms terms, Price price, boolean standingExempt) {
            if (period == null && terms.discounts().isEmpty()) {
                return NONE;
            }
            return new Dating(period, terms.discounts(), PriceEvaluator.forBorrower(price, true),
                    PriceEvaluator.forBorrower(price, false), standingExempt);
        }

        static long day(java.time.LocalDate date) {
            return date == null ? NO_DAY : date.toEpochDay();
        }

        /** The dated discount in force on {@code day} for the borrower that leaves the least, or -1. */
        int discountOn(long day, boolean smallOrMicro) {
            int best = -1;
            if (day == NO_DAY) {
                return best;
            }
            for (int i = 0; i < discounts.length; i++) {
                if (day >= discountFrom[i] && day <= discountTo[i] && (smallOrMicro || !discounts[i].smallMicroOnly())
                        && (best < 0 || discounts[i].factor().compareTo(discounts[best].factor()) < 0)) {
                    best = i;
                }
            }
            return best;
        }

        Price discounted(int i, boolean smallOrMicro) {
            return smallOrMicro ? smallMicroPrices[i] : otherPrices[i];
        }

        /** True when a dated waiver for small and micro borrowers (or for everyone) is in force on {@code day}. */
        boolean waivedOn(long day) {
            int d = discountOn(day, true);
            return d >= 0 && discounts[d].waives();
        }

        String note(long day, boolean smallOrMicro, boolean inForce, String dateName) {
            StringBuilder b = new StringBuilder();
            String date = day == NO_DAY ? null : java.time.LocalDate.ofEpochDay(day).toString();
            if (period != null) {
                b.append('（').append(period.label()).append("执行");
                if (!inForce && date != null) {
                    b.append("; not in force on ").append(dateName).append(' ').append(date);
                    if (CONTRACT_DATE.equals(dateName)) {
                        b.append(", nor is any other row of this item");
                    }
                }
                b.append('）');
            }
            int applied = discountOn(day, smallOrMicro);
            for (int i = 0; i < discounts.length; i++) {
                DatedTerms.Discount d = discounts[i];
                if (d.smallMicroOnly() && !smallOrMicro) {
                    continue;
                }
                b.append('（').append(d.period().label()).append("优惠：").append(effect(d));
                if (i != applied && date != null) {
                    b.append(day >= discountFrom[i] && day <= discountTo[i] ? "; a lower discount applies"
                            : "; not in force on " + dateName + " " + date);
                }
                b.append('）');
            }
            return b.toString();
        }

        private static String effect(DatedTerms.Discount d) {
            String who = d.smallMicroOnly() ? "小微企业" : "";
            if (d.waives()) {
                return who + "免收";
            }
            if (d.factor().compareTo(new java.math.BigDecimal("0.5")) == 0) {
                return who + "减半收取";
            }
            return who + "按" + d.factor().movePointRight(1).stripTrailingZeros().toPlainString() + "折收取";
        }
    }

    /**
     * The entries of a published item: one, or one per dated part of a price that lists old and new
     * prices with their periods (「2022年1月1日至2022年12月31日：每笔300元；2023年1月1日起：每笔200元」).
     */
    static List<Entry> entriesOf(Disclosure disclosure, FeeItem item, String category, Price price) {
        boolean exempts = SmallMicroExemption.exempts(item);
        DatedTerms terms = DatedTerms.of(item);
        List<DatedTerms.DatedPart> parts = DatedTerms.parts(price);
        if (!terms.dated() && parts.isEmpty()) {
            return List.of(new Entry(disclosure, item, category, exempts, price));
        }
        boolean standing = terms.discounts().isEmpty() ? exempts
                : SmallMicroExemption.exempts(terms.withoutDatedDiscounts(item));
        if (parts.isEmpty()) {
            return List.of(new Entry(disclosure, item, category, exempts, price,
                    Dating.of(terms.validity(), terms, price, standing)));
        }
        List<Entry> out = new ArrayList<>();
        for (DatedTerms.DatedPart part : parts) {
            out.add(new Entry(disclosure, item, category, exempts, part.price(),
                    Dating.of(part.period(), terms, part.price(), standing)));
        }
        return out;
    }

    /**
     * True when at least one of the entries applies on {@code day}. When none does (a loan dated before
     * every published period, or after all of them), every entry is judged, as an undated page is.
     */
    static boolean anyInForce(Entry[] entries, long day) {
        for (Entry e : entries) {
            if (e.inForce(day)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rows of a published item in force on {@code day} (an epoch day of the case's asOf): an undated
     * row always, a dated one when its period contains the day. Unlike a loan's judgement there is no
     * fallback: a row that has ended, or that starts after the day, is not the item's price on that day.
     */
    static List<Entry> inForceOn(Entry[] rows, long day) {
        List<Entry> out = new ArrayList<>(rows.length);
        for (Entry e : rows) {
            if (e.inForce(day)) {
                out.add(e);
            }
        }
        return out;
    }

    private static final Entry[] NONE = new Entry[0];
    /**
     * Bound on the answers kept for charged items the dictionary does not know (matched by name),
     * and on the absence evidence kept.
     */
    private static final int NAME_CACHE_LIMIT = 10_000;

    private final AuditContext context;
    private final String institutionId;
    /** One entry per published item (DISC-002, FEE-001 and DISC-001's count judge items). */
    private final List<Entry> entries = new ArrayList<>();
    /** The entries loans are judged against: an item listing old and new prices gives one per period. */
    private final List<Entry> published = new ArrayList<>();
    /** The entries of each published item, in catalogue order (one per dated row of the item). */
    private final List<Entry[]> itemRows = new ArrayList<>();
    private final List<SourceRef> declared = new ArrayList<>();
    /** The entries of each category, in catalogue order. */
    private final Map<String, Entry[]> byCategory = new HashMap<>();
    /** The entries without a category, by normalised item name, in catalogue order. */
    private final Map<String, Entry[]> byName = new HashMap<>();
    /** True when some published item states a date: only then is a loan's contract date looked at. */
    private boolean dated;
    /** Charged item names the dictionary does not know, with their entries by name (normalised once). */
    private final Map<String, Entry[]> byChargedName = new ConcurrentHashMap<>();
    /** {@link #absenceEvidence} by what is missing (bounded as {@link #byChargedName}). */
    private final Map<String, List<Evidence>> absenceEvidence = new ConcurrentHashMap<>();

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
                List<Entry> of = entriesOf(d, item, category,
                        item.price() != null ? item.price() : PriceParser.parse(item.priceText()));
                entries.add(of.get(0));
                published.addAll(of);
                itemRows.add(of.toArray(NONE));
            }
        }
        Map<String, List<Entry>> categories = new HashMap<>();
        Map<String, List<Entry>> names = new HashMap<>();
        for (Entry e : published) {
            if (e.category != null) {
                categories.computeIfAbsent(e.category, k -> new ArrayList<>()).add(e);
            } else {
                String name = normalise(e.item.name());
                if (!name.isEmpty()) {
                    names.computeIfAbsent(name, k -> new ArrayList<>()).add(e);
                }
            }
        }
        for (Entry e : published) {
            dated |= e.dating() != Dating.NONE;
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

    /** The day a loan is judged on: its contract date when some item is dated, else {@link Dating#NO_DAY}. */
    long dayOf(java.time.LocalDate contractDate) {
        return dated ? Dating.day(contractDate) : Dating.NO_DAY;
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
        // the same few items are missing from loan after loan, and the catalogues do not change
        List<Evidence> known = absenceEvidence.get(what);
        if (known == null) {
            known = List.copyOf(newAbsenceEvidence(what));
            if (absenceEvidence.size() >= NAME_CACHE_LIMIT) {
                absenceEvidence.clear();
            }
            absenceEvidence.put(what, known);
        }
        return known;
    }

    private List<Evidence> newAbsenceEvidence(String what) {
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

    /** Each published item's rows: one entry, or one per period of an item listed with old and new prices. */
    List<Entry[]> itemRows() {
        return itemRows;
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
