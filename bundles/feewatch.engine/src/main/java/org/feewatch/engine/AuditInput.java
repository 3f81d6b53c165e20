package org.feewatch.engine;

import java.math.BigDecimal;
import java.util.List;

import org.feewatch.api.CaseInfo;
import org.feewatch.api.Disclosure;
import org.feewatch.api.InputIssue;
import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Partner;
import org.feewatch.api.Policy;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.spi.ReferenceRates;

/**
 * Everything one audit reads, already loaded: the case (case.json with its own policy), the
 * national policy defaults from configuration, the sources with their statuses and what was
 * extracted from them, the partners, the case's benchmarks, the warnings raised while reading
 * the inputs, the demand deposit rate, the LPR table and the loan book ({@code null} when the
 * case has none).
 */
public record AuditInput(CaseInfo caseInfo, Policy nationalDefaults, List<SourceRef> sources,
        List<SourceStatus> sourceStatuses, List<Disclosure> disclosures, List<Partner> partners,
        List<OnLendingAverage> benchmarks, List<InputIssue> warnings, BigDecimal demandDepositRate,
        ReferenceRates referenceRates, LoanBookSource loanBook) {

    public AuditInput {
        java.util.Objects.requireNonNull(caseInfo, "caseInfo");
        nationalDefaults = nationalDefaults == null ? Policy.EMPTY : nationalDefaults;
        sources = sources == null ? List.of() : List.copyOf(sources);
        sourceStatuses = sourceStatuses == null ? List.of() : List.copyOf(sourceStatuses);
        disclosures = disclosures == null ? List.of() : List.copyOf(disclosures);
        partners = partners == null ? List.of() : List.copyOf(partners);
        benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public static Builder builder(CaseInfo caseInfo) {
        return new Builder(caseInfo);
    }

    /** Builds an input step by step; unset lists are empty, the loan book absent. */
    public static final class Builder {
        private final CaseInfo caseInfo;
        private Policy nationalDefaults = Policy.EMPTY;
        private List<SourceRef> sources = List.of();
        private List<SourceStatus> sourceStatuses = List.of();
        private List<Disclosure> disclosures = List.of();
        private List<Partner> partners = List.of();
        private List<OnLendingAverage> benchmarks = List.of();
        private List<InputIssue> warnings = List.of();
        private BigDecimal demandDepositRate;
        private ReferenceRates referenceRates;
        private LoanBookSource loanBook;

        private Builder(CaseInfo caseInfo) {
            this.caseInfo = caseInfo;
        }

        public Builder nationalDefaults(Policy p) { this.nationalDefaults = p; return this; }
        public Builder sources(List<SourceRef> v) { this.sources = v; return this; }
        public Builder sourceStatuses(List<SourceStatus> v) { this.sourceStatuses = v; return this; }
        public Builder disclosures(List<Disclosure> v) { this.disclosures = v; return this; }
        public Builder partners(List<Partner> v) { this.partners = v; return this; }
        public Builder benchmarks(List<OnLendingAverage> v) { this.benchmarks = v; return this; }
        public Builder warnings(List<InputIssue> v) { this.warnings = v; return this; }
        public Builder demandDepositRate(BigDecimal v) { this.demandDepositRate = v; return this; }
        public Builder referenceRates(ReferenceRates v) { this.referenceRates = v; return this; }
        public Builder loanBook(LoanBookSource v) { this.loanBook = v; return this; }

        public AuditInput build() {
            return new AuditInput(caseInfo, nationalDefaults, sources, sourceStatuses, disclosures, partners,
                    benchmarks, warnings, demandDepositRate, referenceRates, loanBook);
        }
    }
}
