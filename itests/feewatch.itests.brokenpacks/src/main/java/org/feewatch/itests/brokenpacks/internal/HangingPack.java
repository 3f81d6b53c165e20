package org.feewatch.itests.brokenpacks.internal;

import java.util.List;

import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.api.spi.RulePack;
import org.osgi.service.component.annotations.Component;

/**
 * ZZ-002 never finishes judging the case, ZZ-004 never finishes judging loan L1 (both ignore
 * interruption, as a careless rule would).
 */
@Component(service = RulePack.class)
public class HangingPack extends BrokenPack {

    @Override
    public String id() {
        return "broken-hangs";
    }

    @Override
    public List<Rule> rules() {
        return List.of(rule(info("ZZ-002", "never finishes"), () -> new RuleEvaluation() {
            @Override
            public void finish(FindingSink findings) {
                hang();
            }
        }), rule(info("ZZ-004", "never finishes one loan"), () -> new RuleEvaluation() {
            @Override
            public void onLoan(LoanFacts loan, FindingSink findings) {
                if (loan.loan().id().equals("L1")) {
                    hang();
                }
            }
        }));
    }

    private static void hang() {
        long until = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException ignored) {
                // deliberately ignored: this rule is broken
            }
        }
    }
}
