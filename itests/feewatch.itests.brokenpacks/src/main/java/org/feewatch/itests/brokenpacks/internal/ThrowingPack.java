package org.feewatch.itests.brokenpacks.internal;

import java.util.List;

import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.api.spi.RulePack;
import org.osgi.service.component.annotations.Component;

/** ZZ-001 throws on every loan. */
@Component(service = RulePack.class)
public class ThrowingPack extends BrokenPack {

    @Override
    public String id() {
        return "broken-throws";
    }

    @Override
    public List<Rule> rules() {
        return List.of(rule(info("ZZ-001", "throws on every loan"), () -> new RuleEvaluation() {
            @Override
            public void onLoan(LoanFacts loan, FindingSink findings) {
                throw new IllegalStateException("ZZ-001 cannot read loan " + loan.loan().id());
            }
        }));
    }
}
