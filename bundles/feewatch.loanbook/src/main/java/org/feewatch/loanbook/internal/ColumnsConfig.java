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
}
