package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.feewatch.api.Loan;
import org.feewatch.api.RateTerms;
import org.feewatch.api.Repayment;
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
        String id = loan.id();
        if (id == null) {
            new StringBuilder(id); // the NullPointerException this text always gave for a loan without an id
        }
        // one concatenation (its length counted once): cheaper under C1 than a builder appended to piece by piece
        return id + ": principal " + money(loan.principal()) + ", " + Figures.date(loan.contractDate()) + " to "
                + Figures.date(loan.maturityDate()) + (loan.rate() == null ? "" : rateText(loan.rate()))
                + (loan.repayment() == null ? "" : REPAYMENT_TEXTS[loan.repayment().ordinal()]);
    }

    /** ", " and the wire name of each repayment kind, by ordinal. */
    private static final String[] REPAYMENT_TEXTS = java.util.Arrays.stream(Repayment.values())
            .map(r -> ", " + r.wireName()).toArray(String[]::new);

    /** The rate terms' part of {@link #loanText} of terms met lately (a power of two). */
    private static final RateText[] RATE_TEXTS = new RateText[64];

    /** Terms and their text; immutable, so that a judging thread sees a whole entry or none. */
    private static final class RateText {
        final RateTerms terms;
        final String text;

        RateText(RateTerms terms, String text) {
            this.terms = terms;
            this.text = text;
        }
    }

    /**
     * ", rate lpr 1Y +60 bp = 4.25 %": remembered by terms, which repeat from loan to loan (a book's
     * readers share one instance for equal terms, and a book has a few dozen).
     */
    static String rateText(RateTerms rate) {
        Integer spread = rate.spreadBp();
        BigDecimal nominal = rate.nominal();
        int slot = ((spread == null ? 0 : spread) * 31 + (nominal == null ? 0 : nominal.hashCode())) & (RATE_TEXTS.length - 1);
        RateText known = RATE_TEXTS[slot];
        if (known != null && (known.terms == rate || sameTerms(known.terms, rate))) {
            return known.text;
        }
        String text = newRateText(rate);
        RATE_TEXTS[slot] = new RateText(rate, text);
        return text;
    }

    private static boolean sameTerms(RateTerms a, RateTerms b) {
        return a.type() == b.type() && java.util.Objects.equals(a.tenor(), b.tenor())
                && java.util.Objects.equals(a.spreadBp(), b.spreadBp())
                && java.util.Objects.equals(a.multiplier(), b.multiplier())
                && java.util.Objects.equals(a.nominal(), b.nominal());
    }

    private static String newRateText(RateTerms rate) {
        StringBuilder sb = new StringBuilder(48);
        sb.append(", rate ").append(rate.type() == null ? "?" : rate.type().wireName());
        if (rate.tenor() != null) {
            sb.append(' ').append(rate.tenor());
        }
        if (rate.spreadBp() != null) {
            sb.append(' ').append(rate.spreadBp() >= 0 ? "+" : "").append(rate.spreadBp()).append(" bp");
        }
        if (rate.multiplier() != null) {
            sb.append(" × ").append(rate.multiplier().toPlainString());
        }
        if (rate.nominal() != null) {
            sb.append(" = ").append(rate.nominal().toPlainString()).append(" %");
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
