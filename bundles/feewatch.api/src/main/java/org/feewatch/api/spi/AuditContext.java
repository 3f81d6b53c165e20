package org.feewatch.api.spi;

import java.util.List;
import java.util.Optional;

import org.feewatch.api.CaseInfo;
import org.feewatch.api.Disclosure;
import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Partner;
import org.feewatch.api.Policy;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.osgi.annotation.versioning.ProviderType;

/** Everything a rule may read about the case being audited. Immutable during the audit. */
@ProviderType
public interface AuditContext {

    CaseInfo caseInfo();

    /** The effective policy: case.json over the region pack over the national defaults; every field set. */
    Policy policy();

    List<Partner> partners();

    Optional<Partner> partner(String id);

    List<SourceRef> sources();

    /** The status of every source (read or failed). */
    List<SourceStatus> sourceStatuses();

    /** Every source that was read and extracted. */
    List<Disclosure> disclosures();

    /** The disclosures owned by {@code owner} (the institution id or a partner id), of every kind. */
    List<Disclosure> disclosuresOf(String owner);

    /** True when the case has a loan book (an empty book still counts). */
    boolean hasLoanBook();

    FeeDictionary feeDictionary();

    ReferenceRates lpr();

    /** On-lending averages: the case's benchmarks.json first, then the region packs' data. */
    List<OnLendingAverage> onLendingAverages();

    /** The demand deposit rate, percent per year, for the compensating-deposit flows. */
    java.math.BigDecimal demandDepositRate();

    /** The catalogue entry of any loaded rule, by code. */
    Optional<RuleInfo> ruleInfo(String code);
}
