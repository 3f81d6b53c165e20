package org.feewatch.loanbook.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.feewatch.api.BundledProduct;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;

/**
 * Parses one loans.csv line into a loan, with its fees.csv rows (found through the {@link FeeIndex}
 * and re-read from the file). One instance per thread.
 */
final class CsvLoanParser implements ChunkedBookReader.LineParser {
    static final String LOANS = "loans.csv";
    static final String FEES = "fees.csv";
    private static final int C_ID = 0;
    private static final int F_LOAN_ID = 0;
    private static final int F_PAYEE = 1;
    private static final int F_ITEM = 2;
    private static final int F_AMOUNT = 3;
    private static final int F_WHEN = 4;
    private static final byte[] BUNDLED = "bundled".getBytes(StandardCharsets.US_ASCII);

    private final CsvHeader header;
    private final Charset cs;
    private final CsvHeader feeHeader;
    private final Charset feeCs;
    private final FeeIndex fees;
    private final FileChannel feeFile;
    private final LoanDraft d = new LoanDraft();
    private final CsvFields f = new CsvFields();
    private final CsvFields ff = new CsvFields();
    private final StringCache cache = new StringCache();
    private final UnknownFields unknown = new UnknownFields();
    private final LoanDraft.FieldNames names;
    private ByteBuffer feeBuf = ByteBuffer.allocate(4096);

    CsvLoanParser(CsvHeader header, Charset cs, CsvHeader feeHeader, Charset feeCs, FeeIndex fees,
            FileChannel feeFile) {
        this.header = header;
        this.cs = cs;
        this.feeHeader = feeHeader;
        this.feeCs = feeCs;
        this.fees = fees;
        this.feeFile = feeFile;
        String[] byField = new String[LoanDraft.FIELD_COUNT];
        for (int k = 0; k < ColumnMapping.LOAN_COLUMNS.size(); k++) {
            byField[ColumnMapping.LOAN_FIELDS[k]] = header.names[k];
        }
        byField[LoanDraft.BORROWER] = byField[LoanDraft.BORROWER_TYPE];
        byField[LoanDraft.RATE] = byField[LoanDraft.RATE_TYPE];
        this.names = i -> byField[i];
    }

    @Override
    public UnknownFields unknownFields() {
        return unknown;
    }

    @Override
    public Loan parse(byte[] b, int s, int e, long line, boolean lastLineWithoutEnd) throws Reject {
        boolean plain = f.splitPlain(b, s, e);
        if (cs == StandardCharsets.UTF_8) {
            // after a plain split, the bytes before its first non-ASCII byte are known to be valid
            int from = plain ? f.firstHigh() : s;
            int bad = from < 0 ? -1 : Utf8.firstInvalid(b, from, e);
            if (bad >= 0) {
                throw new Reject("invalid UTF-8 at byte " + (bad - s + 1));
            }
        }
        if (!plain) {
            try {
                f.split(b, s, e);
            } catch (Reject r) {
                // the fields before the bad quote are known: the loan's fee rows are not orphans
                claimFees(idOrNull());
                throw r;
            }
        }
        if (f.count() != header.fieldCount) {
            claimFees(idOrNull());
            throw new Reject("the line has " + f.count() + " fields; the header (line 1) has " + header.fieldCount);
        }
        if (!header.missingRequired.isEmpty()) {
            claimFees(idOrNull());
            throw new Reject("missing required field " + header.missingRequired.get(0) + ": " + LOANS
                    + " has no column for it");
        }
        d.reset();
        d.hasBorrower = true;
        d.hasRate = true;
        d.id = idOrNull();
        String feeProblem = d.id == null || !mayHaveFees() ? null : attachFees(d.id, idHash(d.id));
        for (int k = 1; k < ColumnMapping.LOAN_COLUMNS.size(); k++) {
            int i = header.field(k);
            if (i >= 0 && !f.empty(i)) {
                value(ColumnMapping.LOAN_FIELDS[k], i, header.names[k]);
            }
        }
        Loan loan = d.build(names, LOANS, line);
        if (feeProblem != null) {
            throw new Reject(feeProblem);
        }
        return loan;
    }

    private String idOrNull() throws Reject {
        int i = header.field(C_ID);
        if (i < 0 || i >= f.count() || f.empty(i)) {
            return null;
        }
        return f.text(i, cs, null);
    }

    /** False when the fee index rules out rows for this line's id (see FeeIndex.mayHave). */
    private boolean mayHaveFees() {
        if (fees == null) {
            return true;
        }
        int i = header.field(C_ID);
        return f.doubledQuotes(i) || fees.mayHave(f.bytes(), f.start(i), f.end(i));
    }

    /** The id's hash, from its bytes when it is plain ASCII (no String walked char by char). */
    private long idHash(String id) {
        int i = header.field(C_ID);
        if (!f.doubledQuotes(i)) {
            long h = IdRegistry.hashAscii(f.bytes(), f.start(i), f.end(i));
            if (h != 0) {
                return h;
            }
        }
        return IdRegistry.hash(id);
    }

    private void value(int field, int i, String name) throws Reject {
        byte[] b = f.bytes();
        int s = f.start(i);
        int e = f.end(i);
        switch (field) {
            case LoanDraft.BORROWER_ID -> d.borrowerId = f.text(i, cs, null);
            case LoanDraft.BORROWER_TYPE -> d.borrowerType = WireValues.BORROWER_TYPES.parse(b, s, e, name, cs);
            case LoanDraft.ESTABLISHED -> d.established = PlainValues.date(b, s, e, name, cs);
            case LoanDraft.PRODUCT -> d.product = f.text(i, cs, cache);
            case LoanDraft.CHANNEL -> d.channel = f.text(i, cs, cache);
            // principals and fee amounts rarely repeat: not worth a cache slot
            case LoanDraft.PRINCIPAL -> d.principal = PlainValues.decimal(b, s, e, name, cs);
            case LoanDraft.CONTRACT_DATE -> d.contractDate = PlainValues.date(b, s, e, name, cs);
            case LoanDraft.MATURITY_DATE -> d.maturityDate = PlainValues.date(b, s, e, name, cs);
            case LoanDraft.RATE_TYPE -> d.rateType = WireValues.RATE_TYPES.parse(b, s, e, name, cs);
            case LoanDraft.TENOR -> d.tenor = tenor(b, s, e) ? (b[s] == '1' ? "1Y" : "5Y")
                    : LoanDraft.tenor(f.text(i, cs, cache), name);
            case LoanDraft.SPREAD -> d.spreadBp = PlainValues.boxed(PlainValues.wholeNumber(b, s, e, name, cs));
            case LoanDraft.NOMINAL -> d.nominal = PlainValues.decimal(b, s, e, name, cs, d.decimals);
            case LoanDraft.MULTIPLIER -> d.multiplier = PlainValues.decimal(b, s, e, name, cs, d.decimals);
            case LoanDraft.REPAYMENT -> d.repayment = WireValues.REPAYMENTS.parse(b, s, e, name, cs);
            case LoanDraft.ON_LENDING -> d.onLending = FALSE.is(b, s, e) ? false
                    : TRUE.is(b, s, e) || bool(f.text(i, cs, cache), name);
            case LoanDraft.DEPOSIT -> d.deposit = PlainValues.decimal(b, s, e, name, cs, d.decimals);
            default -> throw new IllegalStateException("no column for field " + field);
        }
    }

    private static final BytePattern FALSE = new BytePattern("false");
    private static final BytePattern TRUE = new BytePattern("true");

    /** The field's bytes are "1Y" or "5Y", which is then its text (a doubled quote would show in them). */
    private boolean tenor(byte[] b, int s, int e) {
        return e - s == 2 && (b[s] == '1' || b[s] == '5') && b[s + 1] == 'Y';
    }

    private static boolean bool(String v, String name) throws Reject {
        switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "y", "是" -> {
                return true;
            }
            case "false", "0", "no", "n", "否" -> {
                return false;
            }
            default -> throw new Reject(name + " \"" + PlainValues.show(v) + "\" is not true or false");
        }
    }

    // ---------------------------------------------------------------- fees.csv

    private void claimFees(String id) {
        if (id != null && fees != null) {
            forEachGroup(id, IdRegistry.hash(id), false);
        }
    }

    /** Adds the loan's fee rows to the draft; the first problem with them, or null. */
    private String attachFees(String id, long hash) {
        if (fees == null) {
            return null;
        }
        return forEachGroup(id, hash, true);
    }

    private String forEachGroup(String id, long hash, boolean parse) {
        String problem = null;
        for (int g = fees.firstGroup(hash); g >= 0; g = fees.nextGroup(g)) {
            String p = group(g, id, parse);
            if (problem == null) {
                problem = p;
            }
        }
        return problem;
    }

    private String group(int g, String id, boolean parse) {
        int len = fees.length(g);
        if (feeBuf.capacity() < len) {
            feeBuf = ByteBuffer.allocate(Math.max(len, feeBuf.capacity() * 2));
        }
        feeBuf.clear().limit(len);
        try {
            long pos = fees.offset(g);
            while (feeBuf.hasRemaining()) {
                if (feeFile.read(feeBuf, pos + feeBuf.position()) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] b = feeBuf.array();
        int end = feeBuf.position();
        String problem = null;
        long line = fees.firstLine(g);
        int i = 0;
        while (i < end) {
            int nl = Bytes.indexOf(b, i, end, (byte) '\n');
            int rowEnd = nl < 0 ? end : nl;
            int e = rowEnd > i && b[rowEnd - 1] == '\r' ? rowEnd - 1 : rowEnd;
            try {
                if (!row(b, i, e, line, id, g, parse)) {
                    return null;
                }
            } catch (Reject r) {
                if (problem == null) {
                    problem = FEES + " line " + line + ": " + r.getMessage();
                }
            }
            line++;
            i = nl < 0 ? end : nl + 1;
        }
        return problem;
    }

    /** One fee row; false when the group belongs to another id (a hash collision). */
    private boolean row(byte[] b, int s, int e, long line, String id, int g, boolean parse) throws Reject {
        ff.split(b, s, e);
        int idField = feeHeader.field(F_LOAN_ID);
        if (!id.equals(ff.text(idField, feeCs, null))) {
            return false;
        }
        fees.claim(g);
        if (!parse) {
            return true;
        }
        if (feeCs == StandardCharsets.UTF_8) {
            int bad = Utf8.firstInvalid(b, s, e);
            if (bad >= 0) {
                throw new Reject("invalid UTF-8 at byte " + (bad - s + 1));
            }
        }
        if (ff.count() != feeHeader.fieldCount) {
            throw new Reject("the row has " + ff.count() + " fields; the header (line 1) has " + feeHeader.fieldCount);
        }
        if (!feeHeader.missingRequired.isEmpty()) {
            throw new Reject("missing required field " + feeHeader.missingRequired.get(0) + ": " + FEES
                    + " has no column for it");
        }
        String[] n = feeHeader.names;
        int fi = feeHeader.field(F_ITEM);
        if (ff.empty(fi)) {
            throw new Reject("missing required field " + n[F_ITEM]);
        }
        String item = ff.text(fi, feeCs, cache);
        int fa = feeHeader.field(F_AMOUNT);
        if (ff.empty(fa)) {
            throw new Reject("missing required field " + n[F_AMOUNT]);
        }
        BigDecimal amount = PlainValues.decimal(b, ff.start(fa), ff.end(fa), n[F_AMOUNT], feeCs);
        if (amount.signum() < 0) {
            throw new Reject(n[F_AMOUNT] + " " + amount.toPlainString() + " is negative");
        }
        int fw = feeHeader.field(F_WHEN);
        if (ff.empty(fw)) {
            throw new Reject("missing required field " + n[F_WHEN]);
        }
        int fp = feeHeader.field(F_PAYEE);
        String payee = fp < 0 || ff.empty(fp) ? null : ff.text(fp, feeCs, cache);
        int ws = ff.start(fw);
        int we = ff.end(fw);
        if (we - ws == BUNDLED.length && java.util.Arrays.equals(BUNDLED, 0, BUNDLED.length, b, ws, we)) {
            // fees.csv has no "mandatory" column: a bundled row is a tied product (CASE-FORMAT.md)
            d.bundled.add(new BundledProduct(null, item, amount, true));
            return true;
        }
        FeeTiming when = WireValues.FEE_TIMINGS.match(b, ws, we);
        if (when == null) {
            throw new Reject(n[F_WHEN] + " \"" + PlainValues.show(b, ws, we, feeCs)
                    + "\" is not one of upfront, annual, monthly, maturity, bundled");
        }
        if (payee == null) {
            throw new Reject("missing required field " + n[F_PAYEE] + " (only a bundled row may leave it empty)");
        }
        d.fees.add(new LoanFee(payee, item, amount, when));
        return true;
    }
}
