package org.feewatch.loanbook.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.feewatch.api.Borrower;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.BundledProduct;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.RateTerms;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;

/**
 * The fields of one loan line as parsed, before the checks that need all of them (required fields,
 * maturity after contract date). Reused line after line by one parser thread.
 */
final class LoanDraft {
    /** Field indexes for {@link FieldNames}. */
    static final int ID = 0;
    static final int BORROWER = 1;
    static final int BORROWER_ID = 2;
    static final int BORROWER_TYPE = 3;
    static final int ESTABLISHED = 4;
    static final int PRODUCT = 5;
    static final int CHANNEL = 6;
    static final int PRINCIPAL = 7;
    static final int CONTRACT_DATE = 8;
    static final int MATURITY_DATE = 9;
    static final int RATE = 10;
    static final int RATE_TYPE = 11;
    static final int TENOR = 12;
    static final int SPREAD = 13;
    static final int NOMINAL = 14;
    static final int MULTIPLIER = 15;
    static final int REPAYMENT = 16;
    static final int ON_LENDING = 17;
    static final int DEPOSIT = 18;
    static final int FIELD_COUNT = 19;

    /** How a format names each field in messages (JSON paths, CSV headers). */
    interface FieldNames {
        String name(int field);
    }

    String id;
    boolean hasBorrower;
    String borrowerId;
    BorrowerType borrowerType;
    LocalDate established;
    String product;
    String channel;
    BigDecimal principal;
    LocalDate contractDate;
    LocalDate maturityDate;
    /** The two dates as {@link #dayKey} when the parser had their digits at hand, else 0. */
    int contractDay;
    int maturityDay;
    boolean hasRate;
    /** The rate terms when a remembered run of fields gave them with the rate fields, else null. */
    RateTerms terms;
    RateType rateType;
    String tenor;
    Integer spreadBp;
    BigDecimal nominal;
    BigDecimal multiplier;
    Repayment repayment;
    boolean onLending;
    BigDecimal deposit;
    final ArrayList<BundledProduct> bundled = new ArrayList<>();
    final ArrayList<LoanFee> fees = new ArrayList<>();
    /** Amounts and rates of this parser's loans, shared when they repeat. */
    final DecimalCache decimals = new DecimalCache();
    /** The months of this parser's dates, for reading a date in place. */
    final IsoDays days = new IsoDays();
    /** Rate terms repeat across a book (same type, tenor, spread, rate): one instance each. */
    private final RateTerms[] rates = new RateTerms[RATE_SLOTS];
    // a book has hundreds of distinct terms (genbook: 505): room for them with few collisions
    private static final int RATE_BITS = 12;
    private static final int RATE_SLOTS = 1 << RATE_BITS;

    // the id's shape, when the parser had its ASCII bytes at hand: up to 8 bytes of prefix packed in a
    // long, then at most IdRegistry's 18 trailing digits; and that of the last loan built
    private boolean idShaped;
    private long idPrefix;
    private int idPrefixLength;
    private int idLength;
    private long idNumber;
    private boolean lastShaped;
    private long lastPrefix;
    private int lastPrefixLength;
    private int lastLength;
    private long lastNumber;
    private long lastLine = -1;
    /**
     * After {@link #build}: the id of its loan is that of the loan this draft built before, on the line
     * before, with the next number (same prefix and digit count): a book in id order, whose duplicate
     * check a whole chunk can then pass in one step (ChunkedBookReader).
     */
    boolean idFollows;

    /** Notes the shape of the id just set, read from ASCII bytes [s, e) (the id's text, byte for byte). */
    void idBytes(byte[] b, int s, int e) {
        int ds = e;
        long number = 0;
        long scale = 1;
        while (ds > s && e - ds < 18) {
            int dg = b[ds - 1] - '0';
            if (dg < 0 || dg > 9) {
                break;
            }
            number += dg * scale;
            scale *= 10;
            ds--;
        }
        if (ds == e || ds - s > 8) {
            return;
        }
        long prefix = 0;
        for (int i = ds - 1; i >= s; i--) {
            byte c = b[i];
            if (c < 0) {
                return;
            }
            prefix = prefix << 8 | c;
        }
        idShaped = true;
        idPrefix = prefix;
        idPrefixLength = ds - s;
        idLength = e - s;
        idNumber = number;
    }

    void reset() {
        id = null;
        idShaped = false;
        hasBorrower = false;
        borrowerId = null;
        borrowerType = null;
        established = null;
        product = null;
        channel = null;
        principal = null;
        contractDate = null;
        maturityDate = null;
        contractDay = 0;
        maturityDay = 0;
        hasRate = false;
        terms = null;
        rateType = null;
        tenor = null;
        spreadBp = null;
        nominal = null;
        multiplier = null;
        repayment = null;
        onLending = false;
        deposit = null;
        // most loans have neither: no call then
        if (!bundled.isEmpty()) {
            bundled.clear();
        }
        if (!fees.isEmpty()) {
            fees.clear();
        }
    }

    /** Checks what needs the whole line and makes the loan; the draft can be reset afterwards. */
    Loan build(FieldNames names, String file, long line) throws Reject {
        if (id == null) {
            throw missing(names, ID);
        }
        if (blank(id)) {
            throw new Reject(names.name(ID) + " is empty");
        }
        if (!hasBorrower) {
            throw missing(names, BORROWER);
        }
        if (borrowerType == null) {
            throw missing(names, BORROWER_TYPE);
        }
        if (principal == null) {
            throw missing(names, PRINCIPAL);
        }
        if (principal.signum() <= 0) {
            throw new Reject(names.name(PRINCIPAL) + " " + principal.toPlainString() + " is not positive");
        }
        if (contractDate == null) {
            throw missing(names, CONTRACT_DATE);
        }
        if (maturityDate == null) {
            throw missing(names, MATURITY_DATE);
        }
        boolean after = contractDay != 0 && maturityDay != 0 ? maturityDay > contractDay
                : maturityDate.isAfter(contractDate);
        if (!after) {
            throw new Reject(names.name(MATURITY_DATE) + " " + maturityDate + " is not after "
                    + names.name(CONTRACT_DATE) + " " + contractDate);
        }
        if (!hasRate) {
            throw missing(names, RATE);
        }
        if (rateType == null) {
            throw missing(names, RATE_TYPE);
        }
        if (nominal == null) {
            throw missing(names, NOMINAL);
        }
        if (nominal.signum() < 0) {
            throw new Reject(names.name(NOMINAL) + " " + nominal.toPlainString() + " is negative");
        }
        if (rateType == RateType.LPR) {
            if (tenor == null) {
                throw new Reject(names.name(TENOR) + " is required for an lpr rate (1Y or 5Y)");
            }
            if (spreadBp == null) {
                throw new Reject(names.name(SPREAD) + " is required for an lpr rate");
            }
        }
        if (multiplier != null && multiplier.signum() <= 0) {
            throw new Reject(names.name(MULTIPLIER) + " " + multiplier.toPlainString() + " is not positive");
        }
        if (repayment == null) {
            throw missing(names, REPAYMENT);
        }
        if (deposit != null && deposit.signum() < 0) {
            throw new Reject(names.name(DEPOSIT) + " " + deposit.toPlainString() + " is negative");
        }
        idFollows = idShaped && lastShaped && line == lastLine + 1 && idNumber == lastNumber + 1
                && idPrefix == lastPrefix && idPrefixLength == lastPrefixLength && idLength == lastLength;
        lastShaped = idShaped;
        lastPrefix = idPrefix;
        lastPrefixLength = idPrefixLength;
        lastLength = idLength;
        lastNumber = idNumber;
        lastLine = line;
        Borrower borrower = new Borrower(borrowerId, borrowerType, established);
        // an empty list is passed as null (the loan makes it List.of()); an immutable copy is kept as is
        return new Loan(id, borrower, product, channel, principal, contractDate, maturityDate,
                terms != null ? terms : rateTerms(),
                repayment, onLending, deposit == null ? BigDecimal.ZERO : deposit,
                bundled.isEmpty() ? null : List.copyOf(bundled), fees.isEmpty() ? null : List.copyOf(fees), file,
                line);
    }

    /** The rate terms of this draft (its rate type set), shared with an earlier loan whose terms are equal. */
    RateTerms sharedRateTerms() {
        return rateTerms();
    }

    /** The rate terms of this draft, shared with an earlier loan whose terms are equal. */
    private RateTerms rateTerms() {
        // each part times its own odd constant: with 31 for all, a spread one higher and a nominal rate one
        // basis point lower (the same benchmark rate) gave the same hash
        int h = rateType.ordinal() * 0x9E3779B9;
        h += (tenor == null ? 0 : tenor.hashCode()) * 0x85EBCA6B;
        h += (spreadBp == null ? 0 : spreadBp) * 0xC2B2AE35;
        h += (nominal == null ? 0 : nominal.hashCode()) * 0x27D4EB2F;
        h += (multiplier == null ? 0 : multiplier.hashCode()) * 0x165667B1;
        int slot = ((h ^ (h >>> 15)) * 0x2C1B3C6D) >>> (32 - RATE_BITS);
        RateTerms r = rates[slot];
        if (r != null && r.type() == rateType && Objects.equals(r.tenor(), tenor)
                && Objects.equals(r.spreadBp(), spreadBp) && Objects.equals(r.nominal(), nominal)
                && Objects.equals(r.multiplier(), multiplier)) {
            return r;
        }
        r = new RateTerms(rateType, tenor, spreadBp, nominal, multiplier);
        rates[slot] = r;
        return r;
    }

    /**
     * {@link String#isBlank}, answered at once for text that starts with a printable ASCII character (an
     * id, an item): the full check walks the text through Character's tables.
     */
    static boolean blank(String s) {
        if (!s.isEmpty()) {
            char c = s.charAt(0);
            if (c > ' ' && c < 0x7F) {
                return false;
            }
        }
        return s.isBlank();
    }

    /** A number that orders days as the calendar does, for a valid date. */
    static int dayKey(int year, int month, int day) {
        return (year << 9) | (month << 5) | day;
    }

    private static Reject missing(FieldNames names, int field) {
        return new Reject("missing required field " + names.name(field));
    }

    /** Checks a tenor value: LPR is fixed for 1-year and 5-year terms only. */
    static String tenor(String value, String field) throws Reject {
        if ("1Y".equals(value) || "5Y".equals(value)) {
            return value;
        }
        throw new Reject(field + " \"" + PlainValues.show(value) + "\" is not one of 1Y, 5Y");
    }
}
