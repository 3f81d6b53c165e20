package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consecutive fee rows of one loan, whatever form its id takes in fees.csv (plain, quoted, with a
 * doubled quote, not ASCII), join that loan in file order; rows of other ids between them do not.
 */
class FeeGroupsTest {
    private static final String HEADER = "id,borrower_id,borrower_type,borrower_established,product,channel,"
            + "principal,contract_date,maturity_date,rate_type,rate_tenor,spread_bp,nominal_rate,repayment,"
            + "on_lending,compensating_deposit";

    @TempDir
    Path tmp;

    private static String row(String id) {
        return id + ",B1,micro,2019-04-02,普惠e贷,,300000.00,2023-03-15,2024-03-15,lpr,1Y,85,4.50,"
                + "equal-installment,false,0";
    }

    @Test
    void everyIdFormGroupsAndJoinsInFileOrder() throws IOException {
        for (String encoding : new String[] {"UTF-8", "GBK"}) {
            Charset cs = Charset.forName(encoding);
            Files.write(tmp.resolve("loans.csv"), String.join("\n", HEADER, row("A1"), row("B2"), row("贷3"),
                    row("\"x\"\"4\""), row("A5")).concat("\n").getBytes(cs));
            Files.write(tmp.resolve("fees.csv"), String.join("\n", "loan_id,payee,item,amount,when",
                    "A1,P01,担保费,1.00,upfront",
                    "\"A1\",P01,担保费,2.00,upfront",
                    "A1,P01,担保费,3.00,upfront",
                    "贷3,P01,担保费,4.00,upfront",
                    "贷3,P01,担保费,5.00,upfront",
                    "A1,P01,担保费,6.00,upfront",
                    "\"x\"\"4\",P01,担保费,7.00,upfront",
                    "\"x\"\"4\",P01,担保费,8.00,upfront",
                    "A5,P01,担保费,9.00,upfront",
                    "A55,P01,担保费,10.00,upfront",
                    "",
                    "A5,P01,担保费,11.00,upfront",
                    "C9,P01,担保费,12.00,upfront",
                    "C9,P01,担保费,13.00,upfront",
                    "A1,P01,担保费,14.00,upfront").concat("\n").getBytes(cs));
            CollectingListener l = Books.readCsv(tmp, Books.smallChunks());
            Map<String, List<String>> fees = l.loans().stream().collect(Collectors.toMap(Loan::id,
                    loan -> loan.fees().stream().map(LoanFee::amount).map(Object::toString).toList()));
            assertEquals(Map.of("A1", List.of("1.00", "2.00", "3.00", "6.00", "14.00"), "B2", List.of(),
                    "贷3", List.of("4.00", "5.00"), "x\"4", List.of("7.00", "8.00"),
                    "A5", List.of("9.00", "11.00")), fees, encoding);
            assertEquals(List.of(
                    "fees.csv:11: fee for unknown loan \"A55\" (no such id in loans.csv); the row was ignored",
                    "fees.csv:14: fee for unknown loan \"C9\" (no such id in loans.csv); the row was ignored",
                    "fees.csv:15: fee for unknown loan \"C9\" (no such id in loans.csv); the row was ignored"),
                    l.warningTexts(), encoding);
        }
    }
}
