package org.feewatch.loanbook.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A bank's own CSV headers for the canonical loans.csv and fees.csv columns (PID
 * org.feewatch.loanbook.columns). Each value is a comma-separated list of header names; the canonical
 * name is always accepted too. Defaults in config/org.feewatch.loanbook.columns.cfg.
 */
@ObjectClassDefinition(id = "org.feewatch.loanbook.columns", pid = "org.feewatch.loanbook.columns", name = "feewatch loan-book CSV columns",
        description = "Header names (comma-separated) that mean each canonical column of loans.csv and fees.csv")
public @interface ColumnsConfig {
    @AttributeDefinition(name = "id", description = "Loan id")
    String id() default ColumnMapping.ID;

    @AttributeDefinition(name = "borrower_id")
    String borrower__id() default ColumnMapping.BORROWER_ID;

    @AttributeDefinition(name = "borrower_type", description = "micro, small, individual-business, micro-owner, "
            + "medium, large")
    String borrower__type() default ColumnMapping.BORROWER_TYPE;

    @AttributeDefinition(name = "borrower_established")
    String borrower__established() default ColumnMapping.BORROWER_ESTABLISHED;

    @AttributeDefinition(name = "product")
    String product() default ColumnMapping.PRODUCT;

    @AttributeDefinition(name = "channel")
    String channel() default ColumnMapping.CHANNEL;

    @AttributeDefinition(name = "principal")
    String principal() default ColumnMapping.PRINCIPAL;

    @AttributeDefinition(name = "contract_date")
    String contract__date() default ColumnMapping.CONTRACT_DATE;

    @AttributeDefinition(name = "maturity_date")
    String maturity__date() default ColumnMapping.MATURITY_DATE;

    @AttributeDefinition(name = "rate_type")
    String rate__type() default ColumnMapping.RATE_TYPE;

    @AttributeDefinition(name = "rate_tenor")
    String rate__tenor() default ColumnMapping.RATE_TENOR;

    @AttributeDefinition(name = "spread_bp")
    String spread__bp() default ColumnMapping.SPREAD_BP;

    @AttributeDefinition(name = "nominal_rate")
    String nominal__rate() default ColumnMapping.NOMINAL_RATE;

    @AttributeDefinition(name = "repayment")
    String repayment() default ColumnMapping.REPAYMENT;

    @AttributeDefinition(name = "on_lending")
    String on__lending() default ColumnMapping.ON_LENDING;

    @AttributeDefinition(name = "compensating_deposit")
    String compensating__deposit() default ColumnMapping.COMPENSATING_DEPOSIT;

    @AttributeDefinition(name = "rate_multiplier", description = "Optional: benchmark-rate multiplier")
    String rate__multiplier() default ColumnMapping.RATE_MULTIPLIER;

    @AttributeDefinition(name = "fees.csv loan_id")
    String fee_loan__id() default ColumnMapping.FEE_LOAN_ID;

    @AttributeDefinition(name = "fees.csv payee")
    String fee_payee() default ColumnMapping.FEE_PAYEE;

    @AttributeDefinition(name = "fees.csv item")
    String fee_item() default ColumnMapping.FEE_ITEM;

    @AttributeDefinition(name = "fees.csv amount")
    String fee_amount() default ColumnMapping.FEE_AMOUNT;

    @AttributeDefinition(name = "fees.csv when", description = "upfront, annual, monthly, maturity, bundled")
    String fee_when() default ColumnMapping.FEE_WHEN;

    // ---- values: VALUE=CANONICAL pairs, comma-separated (ValueMapping)

    @AttributeDefinition(name = "borrower_type values", description = "Values read as a canonical borrower_type, "
            + "as VALUE=CANONICAL pairs (canonical: micro, small, individual-business, micro-owner, medium, large)")
    String value_borrower__type() default ValueMapping.BORROWER_TYPES;

    @AttributeDefinition(name = "rate_type values", description = "VALUE=CANONICAL pairs (canonical: lpr, fixed, "
            + "benchmark)")
    String value_rate__type() default ValueMapping.RATE_TYPES;

    @AttributeDefinition(name = "rate_tenor values", description = "VALUE=CANONICAL pairs (canonical: 1Y, 5Y)")
    String value_rate__tenor() default ValueMapping.RATE_TENORS;

    @AttributeDefinition(name = "repayment values", description = "VALUE=CANONICAL pairs (canonical: bullet, "
            + "interest-monthly, equal-installment, equal-principal)")
    String value_repayment() default ValueMapping.REPAYMENTS;

    @AttributeDefinition(name = "on_lending values", description = "VALUE=CANONICAL pairs (canonical: true, false)")
    String value_on__lending() default ValueMapping.BOOLEANS;

    @AttributeDefinition(name = "fees.csv when values", description = "VALUE=CANONICAL pairs (canonical: upfront, "
            + "annual, monthly, maturity, bundled)")
    String value_fee_when() default ValueMapping.FEE_TIMINGS;
}
