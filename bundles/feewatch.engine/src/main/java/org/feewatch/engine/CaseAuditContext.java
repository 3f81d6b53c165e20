package org.feewatch.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.feewatch.api.CaseInfo;
import org.feewatch.api.Disclosure;
import org.feewatch.api.LprFixing;
import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Partner;
import org.feewatch.api.Policy;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FeeDictionary;
import org.feewatch.api.spi.ReferenceRates;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RulePack;
import org.feewatch.engine.fees.SynonymFeeDictionary;

/**
 * The engine's immutable {@link AuditContext}. Rule authors build one in their tests with
 * {@link #builder(CaseInfo)} instead of writing fakes:
 *
 * <pre>
 * AuditContext ctx = CaseAuditContext.builder(caseInfo).packs(List.of(pack)).partners(partners)
 *         .disclosures(disclosures).lpr(table).build();
 * </pre>
 */
public final class CaseAuditContext implements AuditContext {

    private final CaseInfo caseInfo;
    private final Policy policy;
    private final List<Partner> partners;
    private final Map<String, Partner> partnersById;
    private final List<SourceRef> sources;
    private final List<SourceStatus> sourceStatuses;
    private final List<Disclosure> disclosures;
    private final Map<String, List<Disclosure>> disclosuresByOwner;
    private final boolean hasLoanBook;
    private final FeeDictionary feeDictionary;
    private final ReferenceRates lpr;
    private final List<OnLendingAverage> onLendingAverages;
    private final BigDecimal demandDepositRate;
    private final Map<String, RuleInfo> rules;

    private CaseAuditContext(Builder b) {
        this.caseInfo = b.caseInfo;
        this.policy = b.policy != null ? b.policy : b.caseInfo.policy();
        this.partners = List.copyOf(b.partners);
        Map<String, Partner> byId = new LinkedHashMap<>();
        for (Partner p : partners) {
            byId.putIfAbsent(p.id(), p);
        }
        this.partnersById = byId;
        this.sources = List.copyOf(b.sources);
        this.sourceStatuses = List.copyOf(b.sourceStatuses);
        this.disclosures = List.copyOf(b.disclosures);
        Map<String, List<Disclosure>> byOwner = new LinkedHashMap<>();
        for (Disclosure d : disclosures) {
            String owner = d.source() == null ? null : d.source().owner();
            if (owner != null) {
                byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(d);
            }
        }
        byOwner.replaceAll((k, v) -> List.copyOf(v));
        this.disclosuresByOwner = byOwner;
        this.hasLoanBook = b.hasLoanBook;
        this.feeDictionary = b.feeDictionary != null ? b.feeDictionary
                : new SynonymFeeDictionary(Map.of(), Set.of(), Set.of());
        this.lpr = b.lpr != null ? b.lpr : NO_RATES;
        List<OnLendingAverage> averages = new ArrayList<>(b.onLendingAverages);
        averages.addAll(b.packAverages);
        this.onLendingAverages = List.copyOf(averages);
        this.demandDepositRate = b.demandDepositRate;
        this.rules = Map.copyOf(b.rules);
    }

    public static Builder builder(CaseInfo caseInfo) {
        return new Builder(caseInfo);
    }

    @Override
    public CaseInfo caseInfo() {
        return caseInfo;
    }

    @Override
    public Policy policy() {
        return policy;
    }

    @Override
    public List<Partner> partners() {
        return partners;
    }

    @Override
    public Optional<Partner> partner(String id) {
        return Optional.ofNullable(partnersById.get(id));
    }

    @Override
    public List<SourceRef> sources() {
        return sources;
    }

    @Override
    public List<SourceStatus> sourceStatuses() {
        return sourceStatuses;
    }

    @Override
    public List<Disclosure> disclosures() {
        return disclosures;
    }

    @Override
    public List<Disclosure> disclosuresOf(String owner) {
        return disclosuresByOwner.getOrDefault(owner, List.of());
    }

    @Override
    public boolean hasLoanBook() {
        return hasLoanBook;
    }

    @Override
    public FeeDictionary feeDictionary() {
        return feeDictionary;
    }

    @Override
    public ReferenceRates lpr() {
        return lpr;
    }

    @Override
    public List<OnLendingAverage> onLendingAverages() {
        return onLendingAverages;
    }

    @Override
    public BigDecimal demandDepositRate() {
        return demandDepositRate;
    }

    @Override
    public Optional<RuleInfo> ruleInfo(String code) {
        return Optional.ofNullable(rules.get(code));
    }

    /** An LPR table without fixings: no date has one. */
    private static final ReferenceRates NO_RATES = new ReferenceRates() {
        @Override
        public Optional<LprFixing> inForceOn(LocalDate date) {
            return Optional.empty();
        }

        @Override
        public LprFixing latest() {
            return null;
        }
    };

    /**
     * Builds a context. Unset: policy = case.json's, no partners, sources or disclosures, no loan
     * book, an empty fee dictionary, an LPR table without fixings, no averages, no demand rate.
     */
    public static final class Builder {
        private final CaseInfo caseInfo;
        private Policy policy;
        private List<Partner> partners = List.of();
        private List<SourceRef> sources = List.of();
        private List<SourceStatus> sourceStatuses = List.of();
        private List<Disclosure> disclosures = List.of();
        private boolean hasLoanBook;
        private FeeDictionary feeDictionary;
        private ReferenceRates lpr;
        private List<OnLendingAverage> onLendingAverages = List.of();
        private List<OnLendingAverage> packAverages = List.of();
        private BigDecimal demandDepositRate;
        private final Map<String, RuleInfo> rules = new LinkedHashMap<>();

        private Builder(CaseInfo caseInfo) {
            this.caseInfo = java.util.Objects.requireNonNull(caseInfo, "caseInfo");
        }

        /** The effective policy; unset, case.json's own policy is used as is. */
        public Builder policy(Policy v) { policy = v; return this; }
        public Builder partners(List<Partner> v) { partners = v; return this; }
        public Builder sources(List<SourceRef> v) { sources = v; return this; }
        public Builder sourceStatuses(List<SourceStatus> v) { sourceStatuses = v; return this; }
        public Builder disclosures(List<Disclosure> v) { disclosures = v; return this; }
        public Builder hasLoanBook(boolean v) { hasLoanBook = v; return this; }
        public Builder feeDictionary(FeeDictionary v) { feeDictionary = v; return this; }
        public Builder lpr(ReferenceRates v) { lpr = v; return this; }
        /** The case's own averages (benchmarks.json); they come before the packs' data. */
        public Builder onLendingAverages(List<OnLendingAverage> v) { onLendingAverages = v; return this; }
        public Builder demandDepositRate(BigDecimal v) { demandDepositRate = v; return this; }

        /** Catalogue entries answered by {@link AuditContext#ruleInfo(String)}. */
        public Builder ruleInfos(Collection<RuleInfo> infos) {
            for (RuleInfo i : infos) {
                rules.putIfAbsent(i.code(), i);
            }
            return this;
        }

        /**
         * Takes from the packs what the engine takes: the fee dictionary (unless one was set), the
         * packs' on-lending averages (after the case's) and every rule's catalogue entry.
         */
        public Builder packs(List<RulePack> packs) {
            if (feeDictionary == null) {
                feeDictionary = SynonymFeeDictionary.of(packs);
            }
            List<OnLendingAverage> averages = new ArrayList<>();
            for (RulePack pack : packs) {
                averages.addAll(pack.onLendingAverages());
                for (Rule rule : pack.rules()) {
                    RuleInfo info = rule.info();
                    if (info != null && info.code() != null) {
                        rules.putIfAbsent(info.code(), info);
                    }
                }
            }
            packAverages = averages;
            return this;
        }

        public CaseAuditContext build() {
            return new CaseAuditContext(this);
        }
    }
}
