package org.feewatch.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.feewatch.api.Borrower;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.CaseInfo;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.InputIssue;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.Partner;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.PartnerType;
import org.feewatch.api.RateTerms;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;
import org.junit.jupiter.api.Test;

class FeePayeesTest {

    private static final CaseInfo CASE = new CaseInfo("BANK-A", "测试农村商业银行", "rural-commercial", "CN",
            LocalDate.of(2023, 12, 31), null);
    private static final List<Partner> PARTNERS = List.of(
            new Partner("P01", "某担保", PartnerType.GUARANTEE, PartnerStatus.ACTIVE, false));

    private static Loan loan(String id, long line, String... payees) {
        List<LoanFee> fees = java.util.Arrays.stream(payees)
                .map(p -> new LoanFee(p, "贷款承诺费", new BigDecimal("1000"), FeeTiming.UPFRONT)).toList();
        return new Loan(id, new Borrower("B", BorrowerType.MICRO, null), null, null, new BigDecimal("100000"),
                LocalDate.of(2023, 3, 15), LocalDate.of(2024, 3, 15),
                new RateTerms(RateType.FIXED, null, null, new BigDecimal("4.35"), null), Repayment.BULLET, false,
                BigDecimal.ZERO, null, fees, "loans.jsonl", line);
    }

    @Test
    void theBankByNameOrOtherCaseOrAsThisBankIsTheInstitution() {
        // unseen case c53-payee-names: these were phantom partners, and the bank's own prohibited fee was missed
        FeePayees payees = new FeePayees(CASE, PARTNERS);
        List<Loan> in = List.of(loan("N1", 1, "本行"), loan("N2", 2, "测试农村商业银行"), loan("N3", 3, "bank-a"),
                loan("N4", 4, "BANK-A", "P01"), loan("N5", 5, "P02"), loan("N6", 6, "我行", "本行"));
        List<Loan> out = payees.canonical(in);
        assertEquals(List.of(List.of("BANK-A"), List.of("BANK-A"), List.of("BANK-A"), List.of("BANK-A", "P01"),
                List.of("P02"), List.of("BANK-A", "BANK-A")),
                out.stream().map(l -> l.fees().stream().map(LoanFee::payee).toList()).toList());
        // a loan that needs nothing is the same loan
        assertSame(in.get(3), out.get(3));
        assertSame(in.get(4), out.get(4));
        // by payee as text, each at its first line
        assertEquals(List.of(
                new InputIssue("loans.jsonl", 5L, "fee payee \"P02\" is neither the institution BANK-A nor a partner in "
                        + "partners.json (1 fee); it is taken as a third party"),
                new InputIssue("loans.jsonl", 3L, "fee payee \"bank-a\" taken as the institution BANK-A (1 fee); "
                        + "write its id BANK-A in the book"),
                new InputIssue("loans.jsonl", 6L, "fee payee \"我行\" taken as the institution BANK-A (1 fee); "
                        + "write its id BANK-A in the book"),
                new InputIssue("loans.jsonl", 1L, "fee payee \"本行\" taken as the institution BANK-A (2 fees); "
                        + "write its id BANK-A in the book"),
                new InputIssue("loans.jsonl", 2L, "fee payee \"测试农村商业银行\" taken as the institution BANK-A "
                        + "(1 fee); write its id BANK-A in the book")), payees.warnings());
    }

    @Test
    void aPartnerWhoseIdLooksLikeAnAliasStaysThePartner() {
        FeePayees payees = new FeePayees(CASE, List.of(
                new Partner("本行", "odd", PartnerType.OTHER, PartnerStatus.ACTIVE, false)));
        Loan l = loan("N1", 1, "本行");
        assertSame(l, payees.canonical(List.of(l)).get(0));
        assertEquals(List.of(), payees.warnings());
    }

    @Test
    void aPartnerByItsNameOrItsIdInAnotherCaseIsThatPartner() {
        // unseen book payee-partner-names: the guarantor written by its name was a phantom third party, so
        // its fees escaped PART-001, PART-002 and PART-004
        List<Partner> partners = List.of(
                new Partner("P01", "某某融资担保有限公司", PartnerType.GUARANTEE, PartnerStatus.ACTIVE, false),
                new Partner("P02", "同名公司", PartnerType.OTHER, PartnerStatus.ACTIVE, false),
                new Partner("P03", "同名公司", PartnerType.OTHER, PartnerStatus.ACTIVE, false));
        FeePayees payees = new FeePayees(CASE, partners);
        List<Loan> out = payees.canonical(List.of(loan("N1", 1, "某某融资担保有限公司 "), loan("N2", 2, "p01"),
                loan("N3", 3, "同名公司"), loan("N4", 4, "P01")));
        assertEquals(List.of(List.of("P01"), List.of("P01"), List.of("同名公司"), List.of("P01")),
                out.stream().map(l -> l.fees().stream().map(LoanFee::payee).toList()).toList());
        assertEquals(List.of(
                new InputIssue("loans.jsonl", 2L, "fee payee \"p01\" taken as the partner P01 of partners.json (1 fee); "
                        + "write its id P01 in the book"),
                new InputIssue("loans.jsonl", 3L, "fee payee \"同名公司\" is neither the institution BANK-A nor a partner "
                        + "in partners.json (1 fee); it is taken as a third party"),
                new InputIssue("loans.jsonl", 1L, "fee payee \"某某融资担保有限公司 \" taken as the partner P01 of "
                        + "partners.json (1 fee); write its id P01 in the book")),
                payees.warnings());
    }
}
