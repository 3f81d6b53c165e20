package org.feewatch.engine.internal;

import java.util.List;
import java.util.Map;

import org.feewatch.api.Action;
import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;

/**
 * One rule of one pack, run so that nothing it does can stop the audit. When it throws, the rule
 * is switched off for the rest of the audit; when it hands over an unusable finding, that finding
 * is dropped. Either way the report gets one {@code info} finding for the rule: its rule code (or
 * {@value #ENGINE_CODE} when the rule has no usable code), subject type {@code source} with the
 * pack id, evidence saying what went wrong, action {@code review}.
 */
public final class GuardedRule {

    /** The code of the engine's own findings when a pack or rule has no usable code. */
    public static final String ENGINE_CODE = "ENGINE-001";

    private final String packId;
    private final String packLabel;
    private final Rule rule;
    private final RuleInfo info;
    private final String code;
    private final FindingSink findings;
    private final java.util.function.BiConsumer<String, Throwable> diagnostics;
    private volatile RuleEvaluation evaluation;
    private volatile boolean failed;
    /** The evaluation while the rule is active, else null: what a loan's judging reads, one volatile read per rule. */
    private volatile RuleEvaluation live;
    private volatile boolean judgesLoans;
    /** The {@link LoanTraits} mask a loan must have all of for the evaluation's onLoan to be called. */
    private volatile int requiredTraits;

    public GuardedRule(String packId, String packLabel, Rule rule, RuleInfo info, FindingSink findings,
            java.util.function.BiConsumer<String, Throwable> diagnostics) {
        this.packId = packId;
        this.packLabel = packLabel;
        this.rule = rule;
        this.info = info;
        this.code = codeOf(info);
        this.findings = findings;
        this.diagnostics = diagnostics;
    }

    /** The rule's code when usable, else {@value #ENGINE_CODE}. */
    public static String codeOf(RuleInfo info) {
        return info != null && FindingChecks.isRuleCode(info.code())
                ? info.code()
                : ENGINE_CODE;
    }

    public String code() {
        return code;
    }

    public RuleInfo info() {
        return info;
    }

    /** True while the rule has an evaluation and has not failed. */
    public boolean active() {
        return evaluation != null && !failed;
    }

    public RuleEvaluation evaluation() {
        return evaluation;
    }

    /** The evaluation while the rule is {@link #active()}, else null. */
    public RuleEvaluation activeEvaluation() {
        return live;
    }

    /**
     * True when the rule's evaluation judges loans at all: most rules of a pack look at the
     * disclosures or the partners only, and calling their empty {@code onLoan} for every loan of a
     * large book costs more than the loans' own rules.
     */
    public boolean judgesLoans() {
        return judgesLoans;
    }

    /** The traits a loan must all have for {@link #evaluation()} to be asked to judge it (a {@link LoanTraits} mask). */
    public int requiredTraits() {
        return requiredTraits;
    }

    /** The evaluation's {@code onlyLoansWith()}; none (every loan) when it cannot say. */
    private int traitsOf(RuleEvaluation e) {
        try {
            java.util.Set<org.feewatch.api.spi.LoanTrait> traits = e.onlyLoansWith();
            return traits == null ? 0 : LoanTraits.mask(traits);
        } catch (OutOfMemoryError oom) {
            throw oom;
        } catch (Throwable t) {
            diagnostics.accept("rule " + code + " of pack " + packLabel + ": its loan traits could not be read", t);
            return 0;
        }
    }

    private static boolean overridesOnLoan(RuleEvaluation e) {
        try {
            return e.getClass().getMethod("onLoan", org.feewatch.api.spi.LoanFacts.class, FindingSink.class)
                    .getDeclaringClass() != RuleEvaluation.class;
        } catch (NoSuchMethodException | SecurityException | LinkageError ex) {
            return true; // cannot tell: call it
        }
    }

    public void start(AuditContext context) {
        try {
            RuleEvaluation e = rule.start(context);
            if (e == null) {
                fail("it returned nothing to evaluate when the audit started", null);
            } else {
                evaluation = e;
                live = failed ? null : e;
                judgesLoans = overridesOnLoan(e);
                requiredTraits = judgesLoans ? traitsOf(e) : 0;
            }
        } catch (OutOfMemoryError oom) {
            throw oom;
        } catch (Throwable t) {
            fail("it could not start: " + reason(t), t);
        }
    }

    /** Switches the rule off and records why. */
    public void fail(String what, Throwable cause) {
        failed = true;
        live = null;
        report(what, cause);
    }

    /** Records an unusable finding; the rule goes on. */
    public void rejected(String problem) {
        report("it produced " + problem + ", which was left out", null);
    }

    private void report(String what, Throwable cause) {
        diagnostics.accept("rule " + code + " of pack " + packLabel + ": " + what, cause);
        findings.add(failureFinding(code, packId, packLabel, what));
    }

    /** The info finding that says a rule or pack could not be applied fully. */
    public static Finding failureFinding(String code, String packId, String packLabel, String what) {
        String title = ENGINE_CODE.equals(code)
                ? "A rule of pack " + packLabel + " could not be applied; its findings may be incomplete"
                : "Rule " + code + " of pack " + packLabel + " could not be applied; its findings may be incomplete";
        return new Finding(code, Severity.INFO, Subject.source(packId), title,
                List.of(new Evidence(packId, "rule " + code, what, null)), Map.of(), List.of(), Action.REVIEW);
    }

    /** A throwable's message for people: never its class name or stack. */
    public static String reason(Throwable t) {
        String m = t == null ? null : t.getMessage();
        return m == null || m.isBlank() ? "an unexpected error without a message" : m;
    }
}
