package org.feewatch.itests.brokenpacks.internal;

import java.util.List;
import java.util.Map;

import org.feewatch.api.Finding;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.api.spi.RulePack;
import org.osgi.service.component.annotations.Component;

/** ZZ-003 hands over findings no report can carry: a malformed code, no severity, no title. */
@Component(service = RulePack.class)
public class GarbagePack extends BrokenPack {

    @Override
    public String id() {
        return "broken-garbage";
    }

    @Override
    public List<Rule> rules() {
        return List.of(rule(info("ZZ-003", "returns garbage"), () -> new RuleEvaluation() {
            @Override
            public void onLoan(LoanFacts loan, FindingSink findings) {
                findings.add(new Finding("zz 3!", null, Subject.loan(loan.loan().id()), "", null, Map.of(), null, null));
                findings.add(null);
            }
        }));
    }
}
