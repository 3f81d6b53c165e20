package org.feewatch.api.spi;

import org.feewatch.api.RuleInfo;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One rule: one class, one code. For each audit the engine calls {@link #start} once and feeds the
 * returned evaluation every accepted loan, then asks it to finish.
 */
@ConsumerType
public interface Rule {

    /** The rule's catalogue entry (code, titles, severity, action, citations, effective dates). */
    RuleInfo info();

    /** Begins one audit. The evaluation may keep per-audit state; the rule object itself must not. */
    RuleEvaluation start(AuditContext context);
}
