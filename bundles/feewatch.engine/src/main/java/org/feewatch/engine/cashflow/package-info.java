/**
 * The cash-flow model of RULES.md: a loan's monthly flows (four repayment kinds, fees by timing,
 * mandatory bundled premiums, compensating deposits), a robust monthly IRR solver, the nominal and
 * effective APRs, and the {@link org.feewatch.engine.LoanAnalyzer} built on them. Plain Java on
 * primitive arrays, so that a million-loan book costs seconds.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.feewatch.engine.cashflow;
