package org.feewatch.loanbook.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

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
    /** fees.csv mapped in memory when it could be: a loan's rows are then copied without a system call. */
    private final ByteBuffer feeMap;
    private byte[] feeBytes = new byte[4096];
    private final LoanDraft d = new LoanDraft();
    private final CsvFields f = new CsvFields();
    private final CsvFields ff = new CsvFields();
    private final StringCache cache = new StringCache();
    private final UnknownFields unknown = new UnknownFields();
    private final LoanDraft.FieldNames names;
    private final ValueMapping values;
    private ByteBuffer feeBuf = ByteBuffer.allocate(4096);

    CsvLoanParser(CsvHeader header, Charset cs, CsvHeader feeHeader, Charset feeCs, FeeIndex fees,
            FileChannel feeFile, ByteBuffer feeMap) {
        this(header, cs, feeHeader, feeCs, fees, feeFile, feeMap, ValueMapping.defaults());
    }

    /** {@code values}: the bank's own values of the enumerated columns, read as their canonical ones. */
    CsvLoanParser(CsvHeader header, Charset cs, CsvHeader feeHeader, Charset feeCs, FeeIndex fees,
            FileChannel feeFile, ByteBuffer feeMap, ValueMapping values) {
        this.values = values;
        this.header = header;
        this.cs = cs;
        this.feeHeader = feeHeader;
        this.feeCs = feeCs;
        this.fees = fees;
        this.feeFile = feeFile;
        this.feeMap = feeMap;
        String[] byField = new String[LoanDraft.FIELD_COUNT];
        for (int k = 0; k < ColumnMapping.LOAN_COLUMNS.size(); k++) {
            byField[ColumnMapping.LOAN_FIELDS[k]] = header.names[k];
        }
        byField[LoanDraft.BORROWER] = byField[LoanDraft.BORROWER_TYPE];
        byField[LoanDraft.RATE] = byField[LoanDraft.RATE_TYPE];
        this.names = i -> byField[i];
        this.fieldOfColumn = new int[header.fieldCount];
        java.util.Arrays.fill(fieldOfColumn, -1);
        boolean oneEach = true;
        for (int k = 0; k < ColumnMapping.LOAN_COLUMNS.size(); k++) {
            int column = header.field(k);
            if (column >= 0) {
                oneEach &= fieldOfColumn[column] < 0;
                fieldOfColumn[column] = ColumnMapping.LOAN_FIELDS[k];
            }
        }
        this.onePassPossible = cs == StandardCharsets.UTF_8 && header.missingRequired.isEmpty() && oneEach;
        int run = fieldOfColumn.length;
        while (run > 1 && (fieldOfColumn[run - 1] < 0 || (RUN_FIELDS & 1L << fieldOfColumn[run - 1]) != 0)) {
            run--;
        }
        boolean coversRate = true;
        for (int c = 0; c < run; c++) {
            coversRate &= fieldOfColumn[c] < 0 || (RATE_FIELDS & 1L << fieldOfColumn[c]) == 0;
        }
        this.runColumn = run < fieldOfColumn.length ? run : -1;
        this.runCoversRate = coversRate;
        long in = 0;
        for (int c = run; c < fieldOfColumn.length; c++) {
            in |= fieldOfColumn[c] < 0 ? 0 : 1L << fieldOfColumn[c];
        }
        this.runFields = in;
    }

    /** The fields whose columns, at the end of a line, make a run that repeats from loan to loan. */
    private static final long RATE_FIELDS = 1L << LoanDraft.RATE_TYPE | 1L << LoanDraft.TENOR | 1L << LoanDraft.SPREAD
            | 1L << LoanDraft.NOMINAL | 1L << LoanDraft.MULTIPLIER;
    private static final long RUN_FIELDS = RATE_FIELDS | 1L << LoanDraft.REPAYMENT | 1L << LoanDraft.ON_LENDING
            | 1L << LoanDraft.DEPOSIT;
    /**
     * The first of the columns at the end of the line that hold only such fields (or none), whose bytes
     * the one pass looks up as a whole in {@link #runs}; -1 when the last column is another.
     */
    private final int runColumn;
    /** The draft fields of the run's columns. */
    private final long runFields;
    /** Whether every rate column is in the run, so that a run can give the loan's rate terms too. */
    private final boolean runCoversRate;
    private final FieldRunMemo runs = new FieldRunMemo();

    /** How many lines took a remembered run of columns (for tests). */
    long runsTaken() {
        return runs.taken;
    }

    /** The draft field of each column of the file, or -1 for a column that is not read. */
    private final int[] fieldOfColumn;
    /** Whether {@link #onePass} may be tried (UTF-8, every required column present, no column read twice). */
    private final boolean onePassPossible;
    private static final int MISSES_BEFORE_PAUSE = 64;
    private static final int PAUSE = 1024;
    private int missesInARow;
    private int pause;

    @Override
    public UnknownFields unknownFields() {
        return unknown;
    }

    /** A line of separators only (a spreadsheet's empty row) is blank too (docs/loanbook.md). */
    @Override
    public boolean blank(byte[] b, int start, int end) {
        return Bytes.emptyCsvRecord(b, start, end);
    }

    @Override
    public Loan parse(byte[] b, int start, int end, long line, boolean lastLineWithoutEnd) throws Reject {
        // "\r\r\n" (a CRLF export written again through a text-mode stream) ends a line as "\r\n" does
        int e = end > start && b[end - 1] == '\r' ? Bytes.lineContentEnd(b, start, end) : end;
        // a byte-order mark starting a later line: two exports joined (cat, copy /b)
        int s = b[start] == (byte) 0xEF && cs == StandardCharsets.UTF_8 && e - start >= 3 && b[start + 1] == (byte) 0xBB
                && b[start + 2] == (byte) 0xBF ? start + 3 : start;
        if (onePassPossible) {
            if (pause > 0) {
                pause--;
            } else {
                Loan loan = onePass(b, s, e, line);
                if (loan != null) {
                    missesInARow = 0;
                    return loan;
                }
                // a book whose lines all miss the one pass (all fields quoted, say) is not read twice a line
                if (++missesInARow == MISSES_BEFORE_PAUSE) {
                    missesInARow = 0;
                    pause = PAUSE;
                }
            }
        }
        try {
            return parseGeneral(b, s, e, line);
        } catch (Reject r) {
            if (repeatsHeader(b, s, e)) {
                throw new Reject("the header line again (two exports joined?): not a loan");
            }
            if (comment(b, s, e)) {
                throw new Reject("a comment line (it starts with #), not a loan: " + LOANS + " has no comment lines");
            }
            String totals = totalsRow(b, s, e);
            throw totals != null ? new Reject("a totals row (" + totals + "), not a loan: " + LOANS
                    + " holds loans only") : r;
        }
    }

    /** Words that open the sum row an export adds below its table (合计, 总计, 小计, Total). */
    private static final java.util.List<String> TOTALS = java.util.List.of("合计", "合 计", "总计", "小计", "total",
            "sum", "grand total");

    /** Whether {@code field} (lower case) opens with {@code word} as a whole word: 合计, 总计：2笔, Total:, not SUM123. */
    private static boolean opensWith(String field, String word) {
        if (!field.startsWith(word)) {
            return false;
        }
        if (field.length() == word.length() || word.charAt(0) > 0x7F) {
            return true;
        }
        return !Character.isLetterOrDigit(field.charAt(word.length()));
    }

    /** For a rejected line: its first non-empty field when that opens a totals row (合计, 总计：2笔 …), else null. */
    private String totalsRow(byte[] b, int s, int e) {
        CsvFields fs = new CsvFields();
        try {
            fs.split(b, s, e);
            for (int i = 0; i < fs.count(); i++) {
                if (!fs.empty(i)) {
                    String first = fs.text(i, cs, null).replace("\uFEFF", "").strip();
                    String lower = first.toLowerCase(java.util.Locale.ROOT);
                    return TOTALS.stream().anyMatch(w -> opensWith(lower, w)) ? PlainValues.show(first) : null;
                }
            }
        } catch (Reject | RuntimeException unreadable) {
            // not a row of fields: no totals row either
        }
        return null;
    }

    /** Whether a rejected line is a note such as "# exported 2024-01-05" (after a byte-order mark or blanks). */
    private static boolean comment(byte[] b, int s, int e) {
        int i = s;
        if (i + 3 <= e && b[i] == (byte) 0xEF && b[i + 1] == (byte) 0xBB && b[i + 2] == (byte) 0xBF) {
            i += 3;
        }
        while (i < e && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i < e && b[i] == '#';
    }

    /** Whether the line is the header once more (with or without a byte-order mark). */
    private boolean repeatsHeader(byte[] b, int s, int e) {
        if (header.raw.isEmpty()) {
            return false;
        }
        CsvFields again = new CsvFields();
        try {
            again.split(b, s, e);
            if (again.count() != header.raw.size()) {
                return false;
            }
            for (int i = 0; i < again.count(); i++) {
                if (!again.text(i, cs, null).replace("\uFEFF", "").strip().equals(header.raw.get(i))) {
                    return false;
                }
            }
            return true;
        } catch (Reject | RuntimeException notTheHeader) {
            return false;
        }
    }

    /** The general path: every line, every message. */
    Loan parseGeneral(byte[] b, int s, int e, long line) throws Reject {
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

    // ---------------------------------------------------------------- one pass

    /**
     * The common line (UTF-8, no quote, space or tab, every value in its plain form) read in one
     * pass, each value parsed where it stands and ended by its comma; null when anything is
     * otherwise, and the line is then read by the general path below, which also gives every
     * message. A loan returned is the one that path returns: the bytes outside the text fields are
     * ASCII by construction and the text fields are checked as UTF-8, so the line is valid UTF-8;
     * fee rows are claimed and parsed as there (claiming twice is harmless).
     */
    Loan onePass(byte[] b, int s, int e, long line) {
        d.reset();
        d.hasBorrower = true;
        d.hasRate = true;
        int idStart = -1;
        int idEnd = -1;
        int p = s;
        int last = fieldOfColumn.length - 1;
        int runStart = -1;
        try {
            for (int c = 0; c <= last; c++) {
                if (c == runColumn) {
                    // the rest of the line as a line before had it: its values taken, not parsed again
                    FieldRunMemo.Run run = runs.findWhole(b, p, e);
                    if (run != null) {
                        takeRun(run);
                        break;
                    }
                    runStart = p;
                }
                int q = p;
                if (p < e && b[p] != ',') {
                    int field = fieldOfColumn[c];
                    q = value(field, b, p, e);
                    if (q < 0) {
                        return null;
                    }
                    if (field == LoanDraft.ID) {
                        idStart = p;
                        idEnd = q;
                    }
                }
                if (c == last) {
                    if (q != e) {
                        return null;
                    }
                } else {
                    if (q >= e || b[q] != ',') {
                        return null;
                    }
                    p = q + 1;
                }
            }
            if (runStart >= 0) {
                keepRun(runs.rememberWhole(b, runStart, e, runFields));
            }
            if (d.id != null && fees != null && fees.mayHave(b, idStart, idEnd)) {
                long h = IdRegistry.hashAscii(b, idStart, idEnd);
                if (attachFees(d.id, h != 0 ? h : IdRegistry.hash(d.id)) != null) {
                    return null;
                }
            }
            return d.build(names, LOANS, line);
        } catch (Reject r) {
            return null;
        }
    }

    @Override
    public boolean idFollowsLast() {
        return d.idFollows;
    }

    /** The values of a remembered run of columns, as parsing its bytes gave them: the fields of its columns only. */
    private void takeRun(FieldRunMemo.Run run) {
        long in = run.fields;
        if (runCoversRate) {
            d.rateType = run.rateType;
            d.tenor = run.tenor;
            d.spreadBp = run.spreadBp;
            d.nominal = run.nominal;
            d.multiplier = run.multiplier;
            d.terms = run.terms;
        } else {
            d.rateType = (in & 1L << LoanDraft.RATE_TYPE) != 0 ? run.rateType : d.rateType;
            d.tenor = (in & 1L << LoanDraft.TENOR) != 0 ? run.tenor : d.tenor;
            d.spreadBp = (in & 1L << LoanDraft.SPREAD) != 0 ? run.spreadBp : d.spreadBp;
            d.nominal = (in & 1L << LoanDraft.NOMINAL) != 0 ? run.nominal : d.nominal;
            d.multiplier = (in & 1L << LoanDraft.MULTIPLIER) != 0 ? run.multiplier : d.multiplier;
        }
        d.repayment = (in & 1L << LoanDraft.REPAYMENT) != 0 ? run.repayment : d.repayment;
        d.onLending = (in & 1L << LoanDraft.ON_LENDING) != 0 ? run.onLending : d.onLending;
        d.deposit = (in & 1L << LoanDraft.DEPOSIT) != 0 ? run.deposit : d.deposit;
    }

    /** Notes the values the run's columns gave (the rate terms too when the run holds every rate column). */
    private void keepRun(FieldRunMemo.Run run) {
        if (run == null) {
            return;
        }
        run.keep(d, runCoversRate);
    }

    /** Parses the value of draft field {@code field} (-1: a column not read) at p; its end, or -1. */
    private int value(int field, byte[] b, int p, int e) throws Reject {
        switch (field) {
            case LoanDraft.ID -> {
                int q = textEnd(b, p, e);
                d.id = q < 0 ? null : text(b, p, q);
                if (q >= 0 && textAscii) {
                    d.idBytes(b, p, q);
                }
                return q;
            }
            case LoanDraft.BORROWER_ID -> {
                int q = textEnd(b, p, e);
                d.borrowerId = q < 0 ? null : text(b, p, q);
                return q;
            }
            case LoanDraft.PRODUCT -> {
                int q = sharedTextEnd(b, p, e);
                d.product = q < 0 ? null : sharedText;
                return q;
            }
            case LoanDraft.CHANNEL -> {
                int q = sharedTextEnd(b, p, e);
                d.channel = q < 0 ? null : sharedText;
                return q;
            }
            case LoanDraft.BORROWER_TYPE -> {
                return (d.borrowerType = wire(WireValues.BORROWER_TYPES, b, p, e)) == null ? -1 : p + wireLength;
            }
            case LoanDraft.RATE_TYPE -> {
                return (d.rateType = wire(WireValues.RATE_TYPES, b, p, e)) == null ? -1 : p + wireLength;
            }
            case LoanDraft.REPAYMENT -> {
                return (d.repayment = wire(WireValues.REPAYMENTS, b, p, e)) == null ? -1 : p + wireLength;
            }
            case LoanDraft.ESTABLISHED -> {
                return (d.established = date(b, p, e)) == null ? -1 : p + DATE_LENGTH;
            }
            case LoanDraft.CONTRACT_DATE -> {
                d.contractDate = date(b, p, e);
                d.contractDay = lastDay;
                return d.contractDate == null ? -1 : p + DATE_LENGTH;
            }
            case LoanDraft.MATURITY_DATE -> {
                d.maturityDate = date(b, p, e);
                d.maturityDay = lastDay;
                return d.maturityDate == null ? -1 : p + DATE_LENGTH;
            }
            case LoanDraft.PRINCIPAL -> {
                if (!decimal(b, p, e)) {
                    return -1;
                }
                d.principal = plainDecimal.value(null);
                return plainDecimal.end;
            }
            case LoanDraft.NOMINAL -> {
                if (!decimal(b, p, e)) {
                    return -1;
                }
                d.nominal = plainDecimal.value(d.decimals);
                return plainDecimal.end;
            }
            case LoanDraft.MULTIPLIER -> {
                if (!decimal(b, p, e)) {
                    return -1;
                }
                d.multiplier = plainDecimal.value(d.decimals);
                return plainDecimal.end;
            }
            case LoanDraft.DEPOSIT -> {
                if (!decimal(b, p, e)) {
                    return -1;
                }
                d.deposit = plainDecimal.value(d.decimals);
                return plainDecimal.end;
            }
            case LoanDraft.SPREAD -> {
                // the common form, up to nine digits (a minus before them) ended by the field's end, read
                // at once; it is what wholeNumber gives for those bytes
                int i = p < e && b[p] == '-' ? p + 1 : p;
                int v = 0;
                int digits = i;
                while (i < e && i - digits < 10) {
                    int dg = b[i] - '0';
                    if (dg < 0 || dg > 9) {
                        break;
                    }
                    v = v * 10 + dg;
                    i++;
                }
                if (i > digits && i - digits <= 9 && (i == e || b[i] == ',')) {
                    d.spreadBp = PlainValues.boxed(b[p] == '-' ? -v : v);
                    return i;
                }
                int q = decimalEnd(b, p, e);
                d.spreadBp = q < 0 ? null : PlainValues.boxed(PlainValues.wholeNumber(b, p, q, "", cs));
                return q;
            }
            case LoanDraft.TENOR -> {
                int q = p + 2;
                if (q > e || !tenor(b, p, q)) {
                    return -1;
                }
                d.tenor = b[p] == '1' ? "1Y" : "5Y";
                return q;
            }
            case LoanDraft.ON_LENDING -> {
                if (ended(FALSE, b, p, e)) {
                    d.onLending = false;
                    return p + FALSE.length;
                }
                if (ended(TRUE, b, p, e)) {
                    d.onLending = true;
                    return p + TRUE.length;
                }
                return -1;
            }
            default -> {
                // a column that is not read: only its bytes are checked, as the general path checks the line
                return textEnd(b, p, e);
            }
        }
    }

    private static final int DATE_LENGTH = 10;
    private final PlainDecimal plainDecimal = new PlainDecimal();
    /** The last date read by {@link #date(byte[], int, int)} as {@link LoanDraft#dayKey}, 0 if none. */
    private int lastDay;

    /** A plain decimal of at most 18 digits at p that is the whole field (read into plainDecimal). */
    private boolean decimal(byte[] b, int p, int e) {
        return plainDecimal.read(b, p, e) && (plainDecimal.end == e || b[plainDecimal.end] == ',');
    }
    /** The length of the wire name last matched by {@link #wire}. */
    private int wireLength;

    /** True when the pattern is at p and the field ends right after it. */
    private static boolean ended(BytePattern pattern, byte[] b, int p, int e) {
        int q = p + pattern.length;
        return q <= e && (q == e || b[q] == ',') && pattern.is(b, p, q);
    }

    private <E extends Enum<E>> E wire(WireValues<E> values, byte[] b, int p, int e) {
        int i = values.fieldAt(b, p, e);
        if (i < 0) {
            return null;
        }
        wireLength = values.plainLength(i);
        return values.value(i);
    }

    /** A date of exactly "YYYY-MM-DD" that exists, ended by the field's end; else null. */
    private LocalDate date(byte[] b, int p, int e) {
        int q = p + DATE_LENGTH;
        lastDay = 0;
        if (q > e || (q < e && b[q] != ',')) {
            return null;
        }
        LocalDate date = d.days.date(b, p);
        lastDay = date == null ? 0 : d.days.lastDay;
        return date;
    }

    /** The end of a field of ASCII digits, '-' and '.' (checked by the value's own parser), or -1. */
    private static int decimalEnd(byte[] b, int p, int e) {
        int q = p;
        while (q < e) {
            byte c = b[q];
            if (c == ',') {
                break;
            }
            if ((c < '0' || c > '9') && c != '.' && c != '-') {
                return -1;
            }
            q++;
        }
        return q;
    }

    /**
     * The end of a text field (its comma or the line's end), or -1 when it holds a quote, space or
     * tab (the general path trims and unquotes) or bytes that are not valid UTF-8.
     */
    private int textEnd(byte[] b, int p, int e) {
        int q = scanText(b, p, e);
        if (q < 0) {
            return -1;
        }
        textAscii = textHigh < 0;
        if (textHigh >= 0 && Utf8.firstInvalid(b, textHigh, q) >= 0) {
            return -1;
        }
        return q;
    }

    /**
     * {@link #textEnd} for a value that repeats (product, channel), its String in {@link #sharedText}:
     * bytes found in the cache were checked as UTF-8 when they went in, so they are not checked again.
     */
    private int sharedTextEnd(byte[] b, int p, int e) {
        int q = scanText(b, p, e);
        if (q < 0) {
            return -1;
        }
        String hit = cache.peek(b, p, q);
        if (hit == null) {
            if (textHigh >= 0 && Utf8.firstInvalid(b, textHigh, q) >= 0) {
                return -1;
            }
            hit = cache.get(b, p, q, StandardCharsets.UTF_8);
        }
        sharedText = hit;
        return q;
    }

    /**
     * The end of a text field's bytes (its comma or the line's end), or -1 at a quote, space or tab;
     * {@link #textHigh} is then where its first non-ASCII byte is, or -1.
     */
    private int scanText(byte[] b, int p, int e) {
        byte[] classes = CsvFields.CLASS;
        int high = -1;
        int q = p;
        // eight bytes at a time up to the first comma, quote, space or tab (noting the first byte above
        // 0x7F before it); the byte loop below reads the rest as before
        while (q + 8 <= e) {
            long w = Bytes.word(b, q);
            long stop = Bytes.matches(w, COMMAS) | Bytes.matches(w, QUOTES) | Bytes.matches(w, SPACES)
                    | Bytes.matches(w, TABS);
            long hi = w & HIGH_BITS;
            if (stop != 0) {
                hi &= (stop & -stop) - 1;
                if (high < 0 && hi != 0) {
                    high = q + Bytes.firstMarked(hi);
                }
                int at = q + Bytes.firstMarked(stop);
                if (b[at] != ',') {
                    return -1;
                }
                textHigh = high;
                return at;
            }
            if (high < 0 && hi != 0) {
                high = q + Bytes.firstMarked(hi);
            }
            q += 8;
        }
        while (q < e) {
            int k = classes[b[q] & 0xFF];
            if (k != 0) {
                if (k == CsvFields.COMMA) {
                    break;
                }
                if (k != CsvFields.HIGH) {
                    return -1;
                }
                if (high < 0) {
                    high = q;
                }
            }
            q++;
        }
        textHigh = high;
        return q;
    }

    private static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long SPACES = 0x2020202020202020L;
    private static final long TABS = 0x0909090909090909L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Where the field last scanned by {@link #scanText} has its first non-ASCII byte, or -1. */
    private int textHigh;

    private String sharedText;

    /** Whether the field last ended by {@link #textEnd} is all ASCII. */
    private boolean textAscii;

    private String text(byte[] b, int p, int q) {
        return new String(b, p, q - p, textAscii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- the general path

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
            case LoanDraft.BORROWER_TYPE -> d.borrowerType = mapped(WireValues.BORROWER_TYPES,
                    ValueMapping.BORROWER_TYPE, i, name);
            case LoanDraft.ESTABLISHED -> d.established = PlainValues.date(b, s, e, name, cs);
            case LoanDraft.PRODUCT -> d.product = f.text(i, cs, cache);
            case LoanDraft.CHANNEL -> d.channel = f.text(i, cs, cache);
            // principals and fee amounts rarely repeat: not worth a cache slot
            case LoanDraft.PRINCIPAL -> d.principal = PlainValues.decimal(b, s, e, name, cs);
            case LoanDraft.CONTRACT_DATE -> d.contractDate = PlainValues.date(b, s, e, name, cs);
            case LoanDraft.MATURITY_DATE -> d.maturityDate = PlainValues.date(b, s, e, name, cs);
            case LoanDraft.RATE_TYPE -> d.rateType = mapped(WireValues.RATE_TYPES, ValueMapping.RATE_TYPE, i, name);
            case LoanDraft.TENOR -> d.tenor = tenor(b, s, e) ? (b[s] == '1' ? "1Y" : "5Y") : mappedTenor(i, name);
            case LoanDraft.SPREAD -> d.spreadBp = PlainValues.boxed(PlainValues.wholeNumber(b, s, e, name, cs));
            case LoanDraft.NOMINAL -> d.nominal = PlainValues.decimal(b, s, e, name, cs, d.decimals);
            case LoanDraft.MULTIPLIER -> d.multiplier = PlainValues.decimal(b, s, e, name, cs, d.decimals);
            case LoanDraft.REPAYMENT -> d.repayment = mapped(WireValues.REPAYMENTS, ValueMapping.REPAYMENT, i, name);
            case LoanDraft.ON_LENDING -> d.onLending = FALSE.is(b, s, e) ? false
                    : TRUE.is(b, s, e) || mappedBool(f.text(i, cs, cache), name);
            case LoanDraft.DEPOSIT -> d.deposit = PlainValues.decimal(b, s, e, name, cs, d.decimals);
            default -> throw new IllegalStateException("no column for field " + field);
        }
    }

    /**
     * An enumerated value: its canonical wire name (matched on the bytes, as before), else the canonical
     * value it is mapped to, else a reject naming the value, the allowed values and the mapping.
     */
    private <E extends Enum<E>> E mapped(WireValues<E> wire, int column, int i, String name) throws Reject {
        E v = wire.match(f.bytes(), f.start(i), f.end(i));
        if (v != null) {
            return v;
        }
        String text = f.text(i, cs, cache);
        Object canonical = values.canonical(column, text);
        if (canonical == null) {
            throw new Reject(wire.unknown(PlainValues.show(text), name) + ValueMapping.hint(column));
        }
        @SuppressWarnings("unchecked")
        E e = (E) canonical;
        return e;
    }

    private String mappedTenor(int i, String name) throws Reject {
        String text = f.text(i, cs, cache);
        Object canonical = values.canonical(ValueMapping.RATE_TENOR, text);
        if (canonical != null) {
            return (String) canonical;
        }
        try {
            return LoanDraft.tenor(text, name);
        } catch (Reject r) {
            throw new Reject(r.getMessage() + ValueMapping.hint(ValueMapping.RATE_TENOR));
        }
    }

    private boolean mappedBool(String text, String name) throws Reject {
        Object canonical = values.canonical(ValueMapping.ON_LENDING, text);
        if (canonical != null) {
            return (Boolean) canonical;
        }
        try {
            return bool(text, name);
        } catch (Reject r) {
            throw new Reject(r.getMessage() + ValueMapping.hint(ValueMapping.ON_LENDING));
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

    /** The group after the last one read: the next loan's when fees.csv follows the book's order. */
    private int groupHint;

    private String forEachGroup(String id, long hash, boolean parse) {
        String problem = null;
        for (int g = fees.firstGroup(hash, groupHint); g >= 0; g = fees.nextGroup(g)) {
            String p = group(g, id, parse);
            if (problem == null) {
                problem = p;
            }
            groupHint = g + 1;
        }
        return problem;
    }

    private String group(int g, String id, boolean parse) {
        int len = fees.length(g);
        byte[] b;
        int end;
        if (feeMap != null) {
            if (feeBytes.length < len) {
                feeBytes = new byte[Math.max(len, feeBytes.length * 2)];
            }
            feeMap.get((int) fees.offset(g), feeBytes, 0, len);
            b = feeBytes;
            end = len;
        } else {
            b = readGroup(g, len);
            end = feeBuf.position();
        }
        return rows(g, b, end, id, parse);
    }

    private byte[] readGroup(int g, int len) {
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
        return feeBuf.array();
    }

    private String rows(int g, byte[] b, int end, String id, boolean parse) {
        String problem = null;
        long line = fees.firstLine(g);
        int i = 0;
        while (i < end) {
            int nl = Bytes.indexOf(b, i, end, (byte) '\n');
            int rowEnd = nl < 0 ? end : nl;
            int e = Bytes.lineContentEnd(b, i, rowEnd);
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
        boolean plain = ff.splitPlain(b, s, e);
        if (!plain) {
            ff.split(b, s, e);
        }
        int idField = feeHeader.field(F_LOAN_ID);
        if (!id.equals(ff.text(idField, feeCs, null))) {
            return false;
        }
        fees.claim(g);
        if (!parse) {
            return true;
        }
        if (feeCs == StandardCharsets.UTF_8) {
            // after a plain split, the bytes before its first non-ASCII byte are known to be valid
            int from = plain ? ff.firstHigh() : s;
            int bad = from < 0 ? -1 : Utf8.firstInvalid(b, from, e);
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
        FeeTiming when = WireValues.FEE_TIMINGS.match(b, ws, we);
        boolean bundled = when == null && we - ws == BUNDLED.length
                && java.util.Arrays.equals(BUNDLED, 0, BUNDLED.length, b, ws, we);
        if (when == null && !bundled) {
            String text = ff.text(fw, feeCs, cache);
            Object canonical = values.canonical(ValueMapping.FEE_WHEN, text);
            if (canonical == null) {
                throw new Reject(n[F_WHEN] + " \"" + PlainValues.show(text)
                        + "\" is not one of upfront, annual, monthly, maturity, bundled"
                        + ValueMapping.hint(ValueMapping.FEE_WHEN));
            }
            bundled = "bundled".equals(canonical);
            when = bundled ? null : (FeeTiming) canonical;
        }
        if (bundled) {
            // fees.csv has no "mandatory" column: a bundled row is a tied product (CASE-FORMAT.md)
            d.bundled.add(new BundledProduct(null, item, amount, true));
            return true;
        }
        if (payee == null) {
            throw new Reject("missing required field " + n[F_PAYEE] + " (only a bundled row may leave it empty)");
        }
        d.fees.add(new LoanFee(payee, item, amount, when));
        return true;
    }
}
