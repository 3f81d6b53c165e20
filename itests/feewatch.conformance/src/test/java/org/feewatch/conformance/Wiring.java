package org.feewatch.conformance;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.List;

import org.feewatch.api.Policy;
import org.feewatch.api.spi.RulePack;
import org.feewatch.engine.LoanAnalyzer;
import org.feewatch.engine.cashflow.CashFlowLoanAnalyzer;
import org.feewatch.region.bj.internal.BeijingRulePack;
import org.feewatch.region.gd.internal.GuangdongRulePack;
import org.feewatch.rules.national.internal.NationalLpr;
import org.feewatch.rules.national.internal.NationalRulePack;

/** The real pieces, put together the way the runtime does, without OSGi. */
final class Wiring {

    /** RULES.md: a compensating deposit earns the demand rate, 0.20 % unless configured. */
    static final BigDecimal DEMAND_RATE = new BigDecimal("0.20");
    /** National thresholds for cases whose case.json sets none (CASE-FORMAT.md example values). */
    static final Policy NATIONAL_DEFAULTS = new Policy(300, new BigDecimal("1.0"), new BigDecimal("1.0"),
            new BigDecimal("0.10"));

    private Wiring() {
    }

    /** Every pack the distribution ships: the engine applies the national one and the case region's. */
    static List<RulePack> packs() {
        return List.of(new NationalRulePack(), new BeijingRulePack(), new GuangdongRulePack());
    }

    static LoanAnalyzer analyzer() {
        return new CashFlowLoanAnalyzer();
    }

    static org.feewatch.api.spi.ReferenceRates lpr() {
        return NationalLpr.BUILT_IN;
    }

    /** A DS configuration annotation with every attribute at its default, as the runtime gives it without a file. */
    @SuppressWarnings("unchecked")
    static <A> A defaults(Class<A> config) {
        return (A) Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] {config}, (proxy, method, args) -> {
            if (method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
            return switch (method.getName()) {
                case "annotationType" -> config;
                case "toString" -> config.getSimpleName() + "(defaults)";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new IllegalStateException(config.getSimpleName() + "." + method.getName()
                        + " has no default");
            };
        });
    }
}
