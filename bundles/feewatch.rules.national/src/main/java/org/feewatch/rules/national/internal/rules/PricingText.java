package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.feewatch.api.Loan;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.FindingSink;

/** Shared wording and number formats of the pricing rules (RATE-*, FEE-004, FEE-005). */
final class PricingText {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PricingText() {
    }

    /**
     * True when {@code apr} is below a line by far more than the rounding error of the line computed
     * in doubles ({@code approximateLine}, a few units in the last place off the exact decimal line):
     * then it is below the exact line too, and a rule comparing with the line has nothing to find.
     * A figure close to the line, or NaN, is left to the exact comparison.
     */
    static boolean clearlyBelow(double apr, double approximateLine) {
        return apr < approximateLine - 1e-9 * (1.0 + Math.abs(approximateLine));
    }

    /** An APR in percent with four decimals, as the report requires ("9.5166"). */
    static String apr(double percent) {
        // BigDecimal.valueOf goes through Double.toString, slow under C1. The same digits from the
        // double scaled by 10^4 when it is far from a rounding tie (the scaling's error is below
        // 1e-5 of the last digit for figures under 1e6): rounding the shortest decimal of the
        // double, as the exact form does, can then only end on the same side of the tie.
        double scaled = Math.abs(percent) * 1e4;
        if (scaled < 1e10) {
            double below = Math.floor(scaled);
            double fraction = scaled - below;
            if (Math.abs(fraction - 0.5) > 1e-4) {
                long digits = (long) below + (fraction > 0.5 ? 1 : 0);
                return fixedFour(percent < 0 && digits != 0, digits);
            }
        }
        return BigDecimal.valueOf(percent).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code digits} / 10^4 with four decimals, as BigDecimal.toPlainString writes it. */
    private static String fixedFour(boolean negative, long digits) {
        return Figures.plain(negative, digits, 4);
    }

    /**
     * A decimal without its trailing zeros, and without its point when nothing follows it ("0.5000" →
     * "0.5", "25.0000" → "25"): what {@code replaceAll("0+$", "").replaceAll("\\.$", "")} gives,
     * without compiling two patterns per call.
     */
    static String withoutTrailingZeros(String decimal) {
        int end = decimal.length();
        while (end > 0 && decimal.charAt(end - 1) == '0') {
            end--;
        }
        if (end > 0 && decimal.charAt(end - 1) == '.') {
            end--;
        }
        return decimal.substring(0, end);
    }

    /** A rate given as data, as written but with at least two decimals ("3.65", "4.785", "4.00"). */
    static String rate(BigDecimal percent) {
        return Figures.plain(percent.scale() < 2 ? percent.setScale(2) : percent);
    }

    static String money(BigDecimal yuan) {
        return Figures.plain(yuan.setScale(2, RoundingMode.HALF_UP));
    }

    /** {@code b.append(money(yuan))}. */
    static StringBuilder appendMoney(StringBuilder b, BigDecimal yuan) {
        return yuan == null ? b.append(money(yuan)) : Figures.appendPlain(b, yuan.setScale(2, RoundingMode.HALF_UP));
    }

    /** Basis points as a short decimal: 300, -5, 0.5. */
    static String bp(BigDecimal basisPoints) {
        return basisPoints.stripTrailingZeros().toPlainString();
    }

    /** The loan as its line shows it, for evidence. */
    static String loanText(Loan loan) {
        // sized for the usual line, so that it is not grown on the way; figures written straight in
        StringBuilder sb = new StringBuilder(128).append(loan.id()).append(": principal ");
        appendMoney(sb, loan.principal()).append(", ");
        Figures.appendDate(sb, loan.contractDate()).append(" to ");
        Figures.appendDate(sb, loan.maturityDate());
        if (loan.rate() != null) {
            sb.append(", rate ").append(loan.rate().type() == null ? "?" : loan.rate().type().wireName());
            if (loan.rate().tenor() != null) {
                sb.append(' ').append(loan.rate().tenor());
            }
            if (loan.rate().spreadBp() != null) {
                sb.append(' ').append(loan.rate().spreadBp() >= 0 ? "+" : "").append(loan.rate().spreadBp()).append(" bp");
            }
            if (loan.rate().multiplier() != null) {
                Figures.appendPlain(sb.append(" × "), loan.rate().multiplier());
            }
            if (loan.rate().nominal() != null) {
                Figures.appendPlain(sb.append(" = "), loan.rate().nominal()).append(" %");
            }
        }
        if (loan.repayment() != null) {
            sb.append(", ").append(loan.repayment().wireName());
        }
        return sb.toString();
    }

    /** The info finding of a rule that cannot judge a loan for lack of the LPR on its contract date. */
    static void noLpr(RuleInfo rule, LoanFacts facts, String tenor, FindingSink findings) {
        Loan loan = facts.loan();
        findings.add(rule, Severity.INFO, Subject.loan(loan.id()),
                rule.code() + " not evaluated: no " + tenor + " LPR known for the contract date " + loan.contractDate()
                        + " (outside the LPR table; update it with the official fixings)",
                List.of(facts.evidence(loanText(loan))), Map.of("contractDate", loan.contractDate().toString()));
    }

    /** The info finding of a rule that cannot judge a loan because its cash flows have no APR. */
    static void noApr(RuleInfo rule, LoanFacts facts, FindingSink findings) {
        Loan loan = facts.loan();
        String why = facts.aprProblem() == null ? "its cash flows have no rate" : facts.aprProblem();
        findings.add(rule, Severity.INFO, Subject.loan(loan.id()),
                rule.code() + " not evaluated: the all-in APR of loan " + loan.id() + " cannot be computed: " + why,
                List.of(facts.evidence(loanText(loan))), Map.of());
    }
}
