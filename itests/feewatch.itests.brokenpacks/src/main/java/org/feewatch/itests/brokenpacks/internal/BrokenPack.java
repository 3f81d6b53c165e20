package org.feewatch.itests.brokenpacks.internal;

import java.time.LocalDate;
import java.util.List;

import org.feewatch.api.Action;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.api.SubjectType;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.api.spi.RulePack;

/** A test pack of region {@value #REGION} with one misbehaving rule. */
abstract class BrokenPack implements RulePack {

    static final String REGION = "CN-ZZ";

    static RuleInfo info(String code, String what) {
        return new RuleInfo(code, "测试：" + what, "Test rule that " + what, null, List.of(SubjectType.LOAN),
                Severity.HIGH, Action.REVIEW, List.of("TEST ONLY: no legal source"), LocalDate.of(2000, 1, 1), null);
    }

    static Rule rule(RuleInfo info, java.util.function.Supplier<RuleEvaluation> evaluation) {
        return new Rule() {
            @Override
            public RuleInfo info() {
                return info;
            }

            @Override
            public RuleEvaluation start(org.feewatch.api.spi.AuditContext context) {
                return evaluation.get();
            }
        };
    }

    @Override
    public String version() {
        return "0.0.1";
    }

    @Override
    public String region() {
        return REGION;
    }
}
