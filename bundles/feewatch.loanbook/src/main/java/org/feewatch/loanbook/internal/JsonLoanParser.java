package org.feewatch.loanbook.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.feewatch.api.BundledProduct;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.text.TextEncodings;

/**
 * Parses one loans.jsonl line into a {@link Loan} straight from its UTF-8 bytes: a strict JSON
 * scanner (escapes, \\uXXXX with surrogate pairs, number grammar, nesting, UTF-8 validity) that
 * decodes only the fields of the case format and skips the rest, recording them as unknown.
 * One instance per thread.
 */
final class JsonLoanParser implements ChunkedBookReader.LineParser {
    static final String FILE = "loans.jsonl";
    private static final int MAX_DEPTH = 64;
    private static final int ESCAPES = 1;
    private static final int NON_ASCII = 2;

    private static final int CTX_TOP = 0;
    private static final int CTX_BORROWER = 1;
    private static final int CTX_RATE = 2;
    private static final int CTX_FEE = 3;
    private static final int CTX_BUNDLED = 4;

    private static final Keys TOP = new Keys("id", "borrower", "product", "channel", "principal", "contractDate",
            "maturityDate", "rate", "repayment", "onLending", "compensatingDeposit", "bundled", "fees");
    private static final Keys BORROWER = new Keys("id", "type", "established");
    private static final Keys RATE = new Keys("type", "tenor", "spreadBp", "nominal", "multiplier");
    private static final Keys FEE = new Keys("payee", "item", "amount", "when");
    private static final Keys BUNDLED = new Keys("kind", "name", "premium", "mandatory");
    private static final Keys[] CONTEXTS = {TOP, BORROWER, RATE, FEE, BUNDLED};
    private static final String[] PREFIX = {"", "borrower.", "rate.", "fees[].", "bundled[]."};

    private static final String[] NAMES = new String[LoanDraft.FIELD_COUNT];
    static {
        NAMES[LoanDraft.ID] = "id";
        NAMES[LoanDraft.BORROWER] = "borrower";
        NAMES[LoanDraft.BORROWER_ID] = "borrower.id";
        NAMES[LoanDraft.BORROWER_TYPE] = "borrower.type";
        NAMES[LoanDraft.ESTABLISHED] = "borrower.established";
        NAMES[LoanDraft.PRODUCT] = "product";
        NAMES[LoanDraft.CHANNEL] = "channel";
        NAMES[LoanDraft.PRINCIPAL] = "principal";
        NAMES[LoanDraft.CONTRACT_DATE] = "contractDate";
        NAMES[LoanDraft.MATURITY_DATE] = "maturityDate";
        NAMES[LoanDraft.RATE] = "rate";
        NAMES[LoanDraft.RATE_TYPE] = "rate.type";
        NAMES[LoanDraft.TENOR] = "rate.tenor";
        NAMES[LoanDraft.SPREAD] = "rate.spreadBp";
        NAMES[LoanDraft.NOMINAL] = "rate.nominal";
        NAMES[LoanDraft.MULTIPLIER] = "rate.multiplier";
        NAMES[LoanDraft.REPAYMENT] = "repayment";
        NAMES[LoanDraft.ON_LENDING] = "onLending";
        NAMES[LoanDraft.DEPOSIT] = "compensatingDeposit";
    }
    private static final LoanDraft.FieldNames FIELD_NAMES = f -> NAMES[f];

    private final LoanDraft d = new LoanDraft();
    /**
     * The field expected after each field of each object kind (index 0: the first field), learnt from
     * the lines seen: books write their fields in one order, so a name is usually matched by one
     * compare of its quoted bytes, with no scan.
     */
    private final int[][] nextKey = new int[CONTEXTS.length][];
    private final StringCache cache = new StringCache();
    private final UnknownFields unknown = new UnknownFields();
    private final StringBuilder sb = new StringBuilder();

    private byte[] b;
    private int p;
    private int end;
    /** In {@link #parseToLineEnd}: a line break is not a blank, and where the line ended. */
    private boolean oneLine;
    private int lineEnd;
    private int lineStart;
    private boolean cutShort;
    private long line;

    /** The last scanned string (content bounds, ESCAPES / NON_ASCII flags). */
    private int strStart;
    private int strEnd;
    private int strFlags;
    /** The last scanned number. */
    private int numStart;
    private int numEnd;
    private boolean numFraction;
    private boolean numExponent;

    // per fee / bundled element
    private String fPayee;
    private String fItem;
    private BigDecimal fAmount;
    private FeeTiming fWhen;
    private String bKind;
    private String bName;
    private BigDecimal bPremium;
    private Boolean bMandatory;

    /** What an invalid-UTF-8 reason adds when the book as a whole looks like GBK ("" when not). */
    private final String invalidUtf8Hint;

    JsonLoanParser() {
        this("");
    }

    private final ValueMapping values;

    /** @param invalidUtf8Hint appended to every "invalid UTF-8" reason: decided once per book */
    JsonLoanParser(String invalidUtf8Hint) {
        this(invalidUtf8Hint, ValueMapping.defaults());
    }

    /** {@code values}: a bank's own values of the enumerated fields, read as their canonical ones. */
    JsonLoanParser(String invalidUtf8Hint, ValueMapping values) {
        this.values = values;
        this.invalidUtf8Hint = invalidUtf8Hint;
        for (int c = 0; c < CONTEXTS.length; c++) {
            int n = CONTEXTS[c].names.length;
            nextKey[c] = new int[n + 1];
            for (int k = 0; k <= n; k++) {
                // before anything is learnt: the order of the case format
                nextKey[c][k] = k < n ? k : -1;
            }
        }
    }

    @Override
    public Loan parse(byte[] buf, int start, int stop, long lineNumber, boolean lastLineWithoutEnd) throws Reject {
        b = buf;
        p = start;
        end = stop;
        lineStart = start;
        line = lineNumber;
        cutShort = lastLineWithoutEnd;
        runStart = -1;
        d.reset();
        try {
            if (p + 3 <= end && b[p] == (byte) 0xEF && b[p + 1] == (byte) 0xBB && b[p + 2] == (byte) 0xBF) {
                // a byte-order mark starting a later line: two exports joined (cat, copy /b)
                p += 3;
            }
            ws();
            if (peek() != '{') {
                if (b[p] == '#' || b[p] == '/' && p + 1 < end && b[p + 1] == '/') {
                    throw new Reject("not valid JSON: a comment line, not a loan (" + FILE
                            + " holds one JSON object a line and has no comments)");
                }
                throw syntax("a loan line must be a JSON object, found " + kind());
            }
            object(CTX_TOP, 0);
            ws();
            if (p != end) {
                throw syntax("unexpected content after the loan object");
            }
            return d.build(FIELD_NAMES, FILE, line);
        } catch (Reject r) {
            // invalid UTF-8 anywhere on the line is the reason, whatever else went wrong
            int bad = Utf8.firstInvalid(b, lineStart, end);
            throw bad >= 0 ? invalidUtf8(bad) : r;
        }
    }

    /** Unknown fields of the line in a one-pass parse: counted only when the line is a loan. */
    private final java.util.ArrayList<String> pendingUnknown = new java.util.ArrayList<>();

    /**
     * The one-pass parse: the line's end is not known beforehand, so blanks never include a line
     * break and the loan object must be followed by blanks and a line break (or the chunk's end). As
     * no value, name or blank can hold a line break, a success read exactly the bytes of the line
     * and gives what {@link #parse} gives for it (unknown fields are counted once it is known to be
     * a loan); anything else returns null and the line is parsed again with its bounds.
     */
    @Override
    public Loan parseToLineEnd(byte[] buf, int start, int chunkEnd, long lineNumber) {
        b = buf;
        p = start;
        end = chunkEnd;
        lineStart = start;
        line = lineNumber;
        cutShort = false;
        oneLine = true;
        runStart = -1;
        d.reset();
        if (!pendingUnknown.isEmpty()) {
            pendingUnknown.clear();
        }
        try {
            if (b[p] != '{') {
                return null;
            }
            if (!orderedTop()) {
                object(CTX_TOP, 0);
            }
            if (p < end && b[p] <= ' ') {
                ws();
            }
            if (p != end && b[p] != '\n') {
                return null;
            }
            lineEnd = p;
            Loan loan = d.build(FIELD_NAMES, FILE, line);
            for (int i = 0; i < pendingUnknown.size(); i++) {
                unknown.seen(pendingUnknown.get(i), line);
            }
            return loan;
        } catch (Reject | RuntimeException r) {
            return null;
        } finally {
            oneLine = false;
        }
    }

    @Override
    public boolean idFollowsLast() {
        return d.idFollows;
    }

    @Override
    public int lineEnd() {
        return lineEnd;
    }

    @Override
    public UnknownFields unknownFields() {
        return unknown;
    }

    // ---------------------------------------------------------------- structure

    private int index;

    private void object(int ctx, int depth) throws Reject {
        if (opensEmpty('}')) {
            return;
        }
        // matched: the predicted name was found at p, exactly quoted and followed by its colon (no
        // escape, no blank), which is what the scan, match and colon() below find for it
        int key = nextKey[ctx][0];
        boolean matched = key >= 0 && CONTEXTS[ctx].quoted[key].at(b, p, end);
        if (matched) {
            p += CONTEXTS[ctx].quoted[key].length;
        }
        fields(ctx, depth, key, matched, 0, -1);
    }

    /**
     * The fields of an object from a field name on: at p the value of {@code key} when {@code matched}
     * (its name and colon stepped over), else a quoted name; {@code seen} and {@code previous}: the
     * fields before it.
     */
    private void fields(int ctx, int depth, int key, boolean matched, long seen, int previous) throws Reject {
        Keys keys = CONTEXTS[ctx];
        int[] next = nextKey[ctx];
        while (true) {
            String name = null;
            if (matched) {
                if (p < end && b[p] <= ' ') {
                    ws();
                }
            } else {
                if (peek() != '"') {
                    throw syntax("expected a field name in double quotes");
                }
                scanString();
                if ((strFlags & ESCAPES) == 0) {
                    key = keys.match(b, strStart, strEnd);
                } else {
                    name = unescape();
                    key = keys.match(name);
                }
                colon();
                if (key >= 0) {
                    next[previous + 1] = key;
                }
            }
            if (key >= 0) {
                previous = key;
                if ((seen & (1L << key)) != 0) {
                    throw new Reject("field " + PREFIX[ctx].replace("[]", "[" + index + "]") + keys.names[key]
                            + " appears twice");
                }
                seen |= 1L << key;
                FieldRunMemo.Run run;
                if (ctx == CTX_TOP && key == TOP_RATE && (run = runAt(seen)) != null) {
                    // the fields from "rate" on, as a line before held them: taken, not parsed again
                    seen |= run.fields;
                    previous = run.lastField;
                } else if (peek() == 'n') {
                    literal(NULL);
                } else if (b[p] == '"' && p + 1 < end && b[p + 1] == '"') {
                    // "" is an absent field, as null is and as an empty CSV cell is (docs/loanbook.md)
                    p += 2;
                } else {
                    // the value's parser chosen here rather than in a method of its own: one call less a field
                    switch (ctx) {
                        case CTX_TOP -> top(key, depth);
                        case CTX_BORROWER -> borrower(key);
                        case CTX_RATE -> rate(key);
                        case CTX_FEE -> fee(key);
                        default -> bundled(key);
                    }
                }
                if (ctx == CTX_TOP && runStart >= 0) {
                    runGoesOn(key);
                }
            } else {
                if (ctx == CTX_TOP && runStart >= 0) {
                    runEnds();
                }
                if (name == null) {
                    name = stringValue(false);
                }
                if (oneLine) {
                    pendingUnknown.add(PREFIX[ctx] + name);
                } else {
                    unknown.seen(PREFIX[ctx] + name, line);
                }
                skipValue(depth + 1);
            }
            // the predicted next name with the comma before it: what more() and the compare above find
            key = next[previous + 1];
            if (key >= 0) {
                // BytePattern.at written out: this compare runs for every field of every line
                BytePattern pattern = keys.commaQuoted[key];
                byte[] bytes = b;
                int at = p;
                if (at + pattern.span <= bytes.length && at + pattern.length <= end
                        && (Bytes.word(bytes, at) & pattern.m0) == pattern.w0
                        && (pattern.words == 1 || (Bytes.word(bytes, at + 8) & pattern.m1) == pattern.w1
                                && (pattern.words == 2 || (Bytes.word(bytes, at + 16) & pattern.m2) == pattern.w2))) {
                    p = at + pattern.length;
                    matched = true;
                    continue;
                }
            }
            if (!more('}', "after a field", "")) {
                if (ctx == CTX_TOP && runStart >= 0) {
                    runEnds();
                }
                return;
            }
            key = next[previous + 1];
            matched = key >= 0 && keys.quoted[key].at(b, p, end);
            if (matched) {
                p += keys.quoted[key].length;
            }
        }
    }

    // ---------------------------------------------------------------- the case format's own order

    // each name with its quotes and colon and the opening quote of its string value, as little-endian
    // words (W) and the mask of the last one (M): the compares below are written out, as a call a field
    // would cost what they do
    private static final String AT_ID = "{\"id\":\"";
    private static final int AT_ID_LENGTH = AT_ID.length();
    private static final long AT_ID_W0 = word(AT_ID, 0);
    private static final long AT_ID_M0 = mask(AT_ID, 0);
    private static final String AT_BORROWER_ID = ",\"borrower\":{\"id\":\"";
    private static final int AT_BORROWER_ID_LENGTH = AT_BORROWER_ID.length();
    private static final long AT_BORROWER_ID_W0 = word(AT_BORROWER_ID, 0);
    private static final long AT_BORROWER_ID_W1 = word(AT_BORROWER_ID, 1);
    private static final long AT_BORROWER_ID_W2 = word(AT_BORROWER_ID, 2);
    private static final long AT_BORROWER_ID_M2 = mask(AT_BORROWER_ID, 2);
    private static final String AT_TYPE = ",\"type\":\"";
    private static final int AT_TYPE_LENGTH = AT_TYPE.length();
    private static final long AT_TYPE_W0 = word(AT_TYPE, 0);
    private static final long AT_TYPE_W1 = word(AT_TYPE, 1);
    private static final long AT_TYPE_M1 = mask(AT_TYPE, 1);
    private static final String AT_ESTABLISHED = ",\"established\":\"";
    private static final int AT_ESTABLISHED_LENGTH = AT_ESTABLISHED.length();
    private static final long AT_ESTABLISHED_W0 = word(AT_ESTABLISHED, 0);
    private static final long AT_ESTABLISHED_W1 = word(AT_ESTABLISHED, 1);
    private static final long AT_ESTABLISHED_W2 = word(AT_ESTABLISHED, 2);
    private static final long AT_ESTABLISHED_M2 = mask(AT_ESTABLISHED, 2);
    private static final String AT_PRODUCT = "},\"product\":\"";
    private static final int AT_PRODUCT_LENGTH = AT_PRODUCT.length();
    private static final long AT_PRODUCT_W0 = word(AT_PRODUCT, 0);
    private static final long AT_PRODUCT_W1 = word(AT_PRODUCT, 1);
    private static final long AT_PRODUCT_M1 = mask(AT_PRODUCT, 1);
    private static final String AT_CHANNEL = ",\"channel\":\"";
    private static final int AT_CHANNEL_LENGTH = AT_CHANNEL.length();
    private static final long AT_CHANNEL_W0 = word(AT_CHANNEL, 0);
    private static final long AT_CHANNEL_W1 = word(AT_CHANNEL, 1);
    private static final long AT_CHANNEL_M1 = mask(AT_CHANNEL, 1);
    private static final String AT_PRINCIPAL = ",\"principal\":\"";
    private static final int AT_PRINCIPAL_LENGTH = AT_PRINCIPAL.length();
    private static final long AT_PRINCIPAL_W0 = word(AT_PRINCIPAL, 0);
    private static final long AT_PRINCIPAL_W1 = word(AT_PRINCIPAL, 1);
    private static final long AT_PRINCIPAL_M1 = mask(AT_PRINCIPAL, 1);
    private static final String AT_CONTRACT = ",\"contractDate\":\"";
    private static final int AT_CONTRACT_LENGTH = AT_CONTRACT.length();
    private static final long AT_CONTRACT_W0 = word(AT_CONTRACT, 0);
    private static final long AT_CONTRACT_W1 = word(AT_CONTRACT, 1);
    private static final long AT_CONTRACT_W2 = word(AT_CONTRACT, 2);
    private static final long AT_CONTRACT_M2 = mask(AT_CONTRACT, 2);
    private static final String AT_MATURITY = ",\"maturityDate\":\"";
    private static final int AT_MATURITY_LENGTH = AT_MATURITY.length();
    private static final long AT_MATURITY_W0 = word(AT_MATURITY, 0);
    private static final long AT_MATURITY_W1 = word(AT_MATURITY, 1);
    private static final long AT_MATURITY_W2 = word(AT_MATURITY, 2);
    private static final long AT_MATURITY_M2 = mask(AT_MATURITY, 2);
    private static final String AT_RATE = ",\"rate\":{";
    private static final int AT_RATE_LENGTH = AT_RATE.length();
    private static final long AT_RATE_W0 = word(AT_RATE, 0);
    private static final long AT_RATE_W1 = word(AT_RATE, 1);
    private static final long AT_RATE_M1 = mask(AT_RATE, 1);

    /** Word {@code k} of an ASCII text as {@link Bytes#word} reads it, the bytes past its end zero. */
    private static long word(String text, int k) {
        long w = 0;
        for (int i = 0; i < 8 && 8 * k + i < text.length(); i++) {
            w |= (long) (text.charAt(8 * k + i) & 0xFF) << (8 * i);
        }
        return w;
    }

    /** The mask of the bytes of word {@code k} that an ASCII text has. */
    private static long mask(String text, int k) {
        int n = Math.min(8, text.length() - 8 * k);
        return n == 8 ? -1L : (1L << (8 * n)) - 1;
    }

    /** The top-level fields id, borrower, product, principal and the two dates, as bits of their index. */
    private static final long BEFORE_RATE = 1L << 0 | 1L << 1 | 1L << 2 | 1L << 4 | 1L << 5 | 1L << 6;
    private static final int ORDERED_MISSES_BEFORE_PAUSE = 64;
    private static final int ORDERED_PAUSE = 4096;
    private int orderedMisses;
    private int orderedPause;

    /**
     * The loan object at p when it starts as CASE-FORMAT.md writes it (id; borrower with id, type and
     * established; product; channel; principal; the two dates; then "rate"), each value there neither
     * blank-led, null nor "": those values are read by the readers object() calls for them, without
     * matching each name and dispatching on it, and object()'s loop goes on from "rate". Anything
     * else returns false with the draft reset and p back at the '{', for object() to read it all. A
     * book written in another order soon stops being tried, and is tried again now and then.
     */
    private boolean orderedTop() throws Reject {
        if (orderedPause > 0) {
            orderedPause--;
            return false;
        }
        int start = p;
        if (!orderedPrefix()) {
            d.reset();
            p = start;
            if (++orderedMisses == ORDERED_MISSES_BEFORE_PAUSE) {
                orderedMisses = 0;
                orderedPause = ORDERED_PAUSE;
            }
            return false;
        }
        orderedMisses = 0;
        long seen = BEFORE_RATE | (channelSeen ? 1L << 3 : 0);
        fields(CTX_TOP, 0, TOP_RATE, true, seen, TOP_RATE - 1);
        return true;
    }

    /** Whether orderedPrefix() read a "channel" field. */
    private boolean channelSeen;

    /**
     * The fields before "rate" in the case format's order, read; false when the line is not so written.
     * A name is matched with the opening quote of its value, and a value "" (an absent field for
     * object()) is left to object().
     */
    private boolean orderedPrefix() throws Reject {
        channelSeen = false;
        byte[] bytes = b;
        int e = end;
        int at = p;
        if (at + AT_ID_LENGTH >= e || (Bytes.word(bytes, at) & AT_ID_M0) != AT_ID_W0
                || bytes[at + AT_ID_LENGTH] == '"') {
            return false;
        }
        p = at + AT_ID_LENGTH - 1;
        d.id = string("id", false);
        if (strFlags == 0) {
            d.idBytes(bytes, strStart, strEnd);
        }
        at = p;
        if (at + AT_BORROWER_ID_LENGTH >= e || Bytes.word(bytes, at) != AT_BORROWER_ID_W0
                || Bytes.word(bytes, at + 8) != AT_BORROWER_ID_W1
                || (Bytes.word(bytes, at + 16) & AT_BORROWER_ID_M2) != AT_BORROWER_ID_W2
                || bytes[at + AT_BORROWER_ID_LENGTH] == '"') {
            return false;
        }
        p = at + AT_BORROWER_ID_LENGTH - 1;
        d.hasBorrower = true;
        d.borrowerId = string("borrower.id", false);
        at = p;
        if (at + AT_TYPE_LENGTH >= e || Bytes.word(bytes, at) != AT_TYPE_W0
                || (Bytes.word(bytes, at + 8) & AT_TYPE_M1) != AT_TYPE_W1 || bytes[at + AT_TYPE_LENGTH] == '"') {
            return false;
        }
        p = at + AT_TYPE_LENGTH - 1;
        d.borrowerType = enumValue(WireValues.BORROWER_TYPES, "borrower.type");
        at = p;
        if (at + AT_ESTABLISHED_LENGTH < e && Bytes.word(bytes, at) == AT_ESTABLISHED_W0
                && Bytes.word(bytes, at + 8) == AT_ESTABLISHED_W1
                && (Bytes.word(bytes, at + 16) & AT_ESTABLISHED_M2) == AT_ESTABLISHED_W2) {
            if (bytes[at + AT_ESTABLISHED_LENGTH] == '"') {
                return false;
            }
            p = at + AT_ESTABLISHED_LENGTH - 1;
            d.established = date("borrower.established");
            at = p;
        }
        if (at + AT_PRODUCT_LENGTH >= e || Bytes.word(bytes, at) != AT_PRODUCT_W0
                || (Bytes.word(bytes, at + 8) & AT_PRODUCT_M1) != AT_PRODUCT_W1
                || bytes[at + AT_PRODUCT_LENGTH] == '"') {
            return false;
        }
        p = at + AT_PRODUCT_LENGTH - 1;
        d.product = string("product", true);
        at = p;
        if (at + AT_CHANNEL_LENGTH < e && Bytes.word(bytes, at) == AT_CHANNEL_W0
                && (Bytes.word(bytes, at + 8) & AT_CHANNEL_M1) == AT_CHANNEL_W1) {
            if (bytes[at + AT_CHANNEL_LENGTH] == '"') {
                return false;
            }
            p = at + AT_CHANNEL_LENGTH - 1;
            d.channel = string("channel", true);
            channelSeen = true;
            at = p;
        }
        if (at + AT_PRINCIPAL_LENGTH >= e || Bytes.word(bytes, at) != AT_PRINCIPAL_W0
                || (Bytes.word(bytes, at + 8) & AT_PRINCIPAL_M1) != AT_PRINCIPAL_W1
                || bytes[at + AT_PRINCIPAL_LENGTH] == '"') {
            return false;
        }
        p = at + AT_PRINCIPAL_LENGTH - 1;
        d.principal = decimal("principal", null);
        at = p;
        if (at + AT_CONTRACT_LENGTH >= e || Bytes.word(bytes, at) != AT_CONTRACT_W0
                || Bytes.word(bytes, at + 8) != AT_CONTRACT_W1
                || (Bytes.word(bytes, at + 16) & AT_CONTRACT_M2) != AT_CONTRACT_W2
                || bytes[at + AT_CONTRACT_LENGTH] == '"') {
            return false;
        }
        p = at + AT_CONTRACT_LENGTH - 1;
        d.contractDate = date("contractDate");
        d.contractDay = lastDay;
        at = p;
        if (at + AT_MATURITY_LENGTH >= e || Bytes.word(bytes, at) != AT_MATURITY_W0
                || Bytes.word(bytes, at + 8) != AT_MATURITY_W1
                || (Bytes.word(bytes, at + 16) & AT_MATURITY_M2) != AT_MATURITY_W2
                || bytes[at + AT_MATURITY_LENGTH] == '"') {
            return false;
        }
        p = at + AT_MATURITY_LENGTH - 1;
        d.maturityDate = date("maturityDate");
        d.maturityDay = lastDay;
        at = p;
        // "rate" is an object: p is left at its '{'
        if (at + AT_RATE_LENGTH > e || Bytes.word(bytes, at) != AT_RATE_W0
                || (Bytes.word(bytes, at + 8) & AT_RATE_M1) != AT_RATE_W1) {
            return false;
        }
        p = at + AT_RATE_LENGTH - 1;
        return true;
    }

    // ---------------------------------------------------------------- runs of repeated fields

    private static final int TOP_RATE = 7;
    /** The top-level fields after "rate" that a remembered run may hold: their values repeat across loans. */
    private static final long RUN_FIELDS = 1L << 8 | 1L << 9 | 1L << 10 | 1L << 11 | 1L << 12;
    private final FieldRunMemo runs = new FieldRunMemo();
    /** The run being parsed on this line (to be remembered when it ends): where it starts, or -1. */
    private int runStart = -1;
    private int runEnd;
    private long runFields;
    private int runLast;

    /** How many lines took a remembered run of fields (for tests). */
    long runsTaken() {
        return runs.taken;
    }

    /** At the value of "rate": the remembered run there, applied to the draft, or null (then parsed, and noted). */
    private FieldRunMemo.Run runAt(long seen) throws Reject {
        FieldRunMemo.Run run = runs.find(b, p, end);
        if (run == null) {
            runStart = p;
            runFields = 0;
            return null;
        }
        if ((run.fields & seen & ~(1L << TOP_RATE)) != 0) {
            // a field of the run was on the line before "rate": the parse says it appears twice
            runStart = -1;
            return null;
        }
        p += run.length;
        d.hasRate = run.hasRate;
        d.rateType = run.rateType;
        d.tenor = run.tenor;
        d.spreadBp = run.spreadBp;
        d.nominal = run.nominal;
        d.multiplier = run.multiplier;
        d.terms = run.terms;
        if ((run.fields & 1L << 8) != 0) {
            d.repayment = run.repayment;
        }
        if ((run.fields & 1L << 9) != 0) {
            d.onLending = run.onLending;
        }
        if ((run.fields & 1L << 10) != 0) {
            d.deposit = run.deposit;
        }
        return run;
    }

    /** After the value of top-level field {@code key} while a run is noted: the run takes it in, or ends before it. */
    private void runGoesOn(int key) {
        if (key == TOP_RATE || (RUN_FIELDS & 1L << key) != 0 && (key != 11 || d.bundled.isEmpty())
                && (key != 12 || d.fees.isEmpty())) {
            runFields |= 1L << key;
            runLast = key;
            runEnd = p;
        } else {
            runEnds();
        }
    }

    /** The noted run ends: remembered with the values its fields gave. */
    private void runEnds() {
        int start = runStart;
        runStart = -1;
        if (runFields == 0) {
            return;
        }
        FieldRunMemo.Run run = runs.remember(b, start, runEnd, runFields, runLast);
        if (run == null) {
            return;
        }
        run.keep(d, d.hasRate);
    }

    private void top(int key, int depth) throws Reject {
        switch (key) {
            case 0 -> {
                if (PlainValues.isDigit(peek())) {
                    d.id = numericId();
                } else {
                    d.id = string("id", false);
                    if (strFlags == 0) {
                        d.idBytes(b, strStart, strEnd);
                    }
                }
            }
            case 1 -> {
                expectObject("borrower");
                d.hasBorrower = true;
                object(CTX_BORROWER, depth + 1);
            }
            case 2 -> d.product = string("product", true);
            case 3 -> d.channel = string("channel", true);
            // principals and fee amounts rarely repeat: not worth a cache slot
            case 4 -> d.principal = decimal("principal", null);
            case 5 -> {
                d.contractDate = date("contractDate");
                d.contractDay = lastDay;
            }
            case 6 -> {
                d.maturityDate = date("maturityDate");
                d.maturityDay = lastDay;
            }
            case 7 -> {
                expectObject("rate");
                d.hasRate = true;
                object(CTX_RATE, depth + 1);
            }
            case 8 -> d.repayment = enumValue(WireValues.REPAYMENTS, "repayment");
            case 9 -> d.onLending = bool("onLending");
            case 10 -> d.deposit = decimal("compensatingDeposit");
            case 11 -> array(CTX_BUNDLED, "bundled", depth);
            default -> array(CTX_FEE, "fees", depth);
        }
    }

    private void borrower(int key) throws Reject {
        switch (key) {
            case 0 -> d.borrowerId = string("borrower.id", false);
            case 1 -> d.borrowerType = enumValue(WireValues.BORROWER_TYPES, "borrower.type");
            default -> d.established = date("borrower.established");
        }
    }

    private void rate(int key) throws Reject {
        switch (key) {
            case 0 -> d.rateType = enumValue(WireValues.RATE_TYPES, "rate.type");
            case 1 -> d.tenor = tenor();
            case 2 -> d.spreadBp = wholeNumber("rate.spreadBp");
            case 3 -> d.nominal = decimal("rate.nominal");
            default -> d.multiplier = decimal("rate.multiplier");
        }
    }

    /** "fees[i]." and "bundled[i]." for messages, made once rather than per field. */
    private static String at(String[] cache, String array, int i) {
        return i < cache.length ? cache[i] : array + "[" + i + "].";
    }

    private static final String[] FEE_AT = new String[16];
    private static final String[] BUNDLED_AT = new String[16];
    static {
        for (int i = 0; i < FEE_AT.length; i++) {
            FEE_AT[i] = "fees[" + i + "].";
            BUNDLED_AT[i] = "bundled[" + i + "].";
        }
    }

    private void fee(int key) throws Reject {
        String at = at(FEE_AT, "fees", index);
        switch (key) {
            case 0 -> fPayee = string(at, "payee", true);
            case 1 -> fItem = string(at, "item", true);
            case 2 -> fAmount = decimal(at, "amount", null);
            default -> fWhen = enumValue(WireValues.FEE_TIMINGS, at, "when");
        }
    }

    private void bundled(int key) throws Reject {
        String at = at(BUNDLED_AT, "bundled", index);
        switch (key) {
            case 0 -> bKind = string(at, "kind", true);
            case 1 -> bName = string(at, "name", true);
            case 2 -> bPremium = decimal(at, "premium", null);
            default -> bMandatory = bool(at + "mandatory");
        }
    }

    private void array(int ctx, String field, int depth) throws Reject {
        if (p + 1 < end && b[p] == '[' && b[p + 1] == ']') {
            // the usual empty array, as the steps below read it
            p += 2;
            return;
        }
        if (peek() != '[') {
            throw new Reject(field + " must be an array, not " + kind());
        }
        if (opensEmpty(']')) {
            return;
        }
        int i = 0;
        while (true) {
            index = i;
            if (peek() != '{') {
                throw new Reject(field + "[" + i + "] must be an object, not " + kind());
            }
            if (ctx == CTX_FEE) {
                int start = p;
                if (!orderedFee(i)) {
                    fPayee = null;
                    fItem = null;
                    fAmount = null;
                    fWhen = null;
                    p = start;
                    object(ctx, depth + 1);
                }
                d.fees.add(checkedFee(i));
            } else {
                bKind = null;
                bName = null;
                bPremium = null;
                bMandatory = null;
                object(ctx, depth + 1);
                d.bundled.add(checkedBundled(i));
            }
            i++;
            if (!more(']', "in ", field)) {
                return;
            }
        }
    }

    private static final String AT_PAYEE = "{\"payee\":\"";
    private static final int AT_PAYEE_LENGTH = AT_PAYEE.length();
    private static final long AT_PAYEE_W0 = word(AT_PAYEE, 0);
    private static final long AT_PAYEE_W1 = word(AT_PAYEE, 1);
    private static final long AT_PAYEE_M1 = mask(AT_PAYEE, 1);
    private static final String AT_ITEM = ",\"item\":\"";
    private static final int AT_ITEM_LENGTH = AT_ITEM.length();
    private static final long AT_ITEM_W0 = word(AT_ITEM, 0);
    private static final long AT_ITEM_W1 = word(AT_ITEM, 1);
    private static final long AT_ITEM_M1 = mask(AT_ITEM, 1);
    private static final String AT_AMOUNT = ",\"amount\":\"";
    private static final int AT_AMOUNT_LENGTH = AT_AMOUNT.length();
    private static final long AT_AMOUNT_W0 = word(AT_AMOUNT, 0);
    private static final long AT_AMOUNT_W1 = word(AT_AMOUNT, 1);
    private static final long AT_AMOUNT_M1 = mask(AT_AMOUNT, 1);
    private static final String AT_WHEN = ",\"when\":\"";
    private static final int AT_WHEN_LENGTH = AT_WHEN.length();
    private static final long AT_WHEN_W0 = word(AT_WHEN, 0);
    private static final long AT_WHEN_W1 = word(AT_WHEN, 1);
    private static final long AT_WHEN_M1 = mask(AT_WHEN, 1);

    /**
     * Fee {@code i} at p when written as CASE-FORMAT.md does ({"payee":…,"item":…,"amount":…,"when":…},
     * string values, none "", no blank): read by the value readers fee() calls, into fPayee … fWhen;
     * false otherwise (then the fee is read again from its '{' by object()). The fields are those of one
     * object, so nothing read before it changes how it reads.
     */
    private boolean orderedFee(int i) throws Reject {
        byte[] bytes = b;
        int e = end;
        int at = p;
        if (at + AT_PAYEE_LENGTH >= e || Bytes.word(bytes, at) != AT_PAYEE_W0
                || (Bytes.word(bytes, at + 8) & AT_PAYEE_M1) != AT_PAYEE_W1 || bytes[at + AT_PAYEE_LENGTH] == '"') {
            return false;
        }
        String prefix = at(FEE_AT, "fees", i);
        p = at + AT_PAYEE_LENGTH - 1;
        fPayee = string(prefix, "payee", true);
        at = p;
        if (at + AT_ITEM_LENGTH >= e || Bytes.word(bytes, at) != AT_ITEM_W0
                || (Bytes.word(bytes, at + 8) & AT_ITEM_M1) != AT_ITEM_W1 || bytes[at + AT_ITEM_LENGTH] == '"') {
            return false;
        }
        p = at + AT_ITEM_LENGTH - 1;
        fItem = string(prefix, "item", true);
        at = p;
        if (at + AT_AMOUNT_LENGTH >= e || Bytes.word(bytes, at) != AT_AMOUNT_W0
                || (Bytes.word(bytes, at + 8) & AT_AMOUNT_M1) != AT_AMOUNT_W1
                || bytes[at + AT_AMOUNT_LENGTH] == '"') {
            return false;
        }
        p = at + AT_AMOUNT_LENGTH - 1;
        fAmount = decimal(prefix, "amount", null);
        at = p;
        if (at + AT_WHEN_LENGTH >= e || Bytes.word(bytes, at) != AT_WHEN_W0
                || (Bytes.word(bytes, at + 8) & AT_WHEN_M1) != AT_WHEN_W1 || bytes[at + AT_WHEN_LENGTH] == '"') {
            return false;
        }
        p = at + AT_WHEN_LENGTH - 1;
        fWhen = enumValue(WireValues.FEE_TIMINGS, prefix, "when");
        if (p >= e || bytes[p] != '}') {
            return false;
        }
        p++;
        return true;
    }

    private LoanFee checkedFee(int i) throws Reject {
        String at = at(FEE_AT, "fees", i);
        if (fPayee == null) {
            throw new Reject("missing required field " + at + "payee");
        }
        if (fItem == null || LoanDraft.blank(fItem)) {
            throw new Reject("missing required field " + at + "item");
        }
        if (fAmount == null) {
            throw new Reject("missing required field " + at + "amount");
        }
        if (fAmount.signum() < 0) {
            throw new Reject(at + "amount " + fAmount.toPlainString() + " is negative");
        }
        if (fWhen == null) {
            throw new Reject("missing required field " + at + "when");
        }
        return new LoanFee(fPayee, fItem, fAmount, fWhen);
    }

    private BundledProduct checkedBundled(int i) throws Reject {
        String at = at(BUNDLED_AT, "bundled", i);
        if (bName == null || bName.isBlank()) {
            throw new Reject("missing required field " + at + "name");
        }
        if (bPremium == null) {
            throw new Reject("missing required field " + at + "premium");
        }
        if (bPremium.signum() < 0) {
            throw new Reject(at + "premium " + bPremium.toPlainString() + " is negative");
        }
        // a product listed as bundled is tied unless the book says it was bought freely
        return new BundledProduct(bKind, bName, bPremium, bMandatory == null || bMandatory);
    }

    private static final BytePattern TENOR_1Y = new BytePattern("\"1Y\"");
    private static final BytePattern TENOR_5Y = new BytePattern("\"5Y\"");

    private String tenor() throws Reject {
        if (TENOR_1Y.at(b, p, end)) {
            p += TENOR_1Y.length;
            return "1Y";
        }
        if (TENOR_5Y.at(b, p, end)) {
            p += TENOR_5Y.length;
            return "5Y";
        }
        String text = string("rate.tenor", true);
        Object mapped = values.canonical(ValueMapping.RATE_TENOR, text);
        if (mapped != null) {
            return (String) mapped;
        }
        try {
            return LoanDraft.tenor(text, "rate.tenor");
        } catch (Reject r) {
            throw new Reject(r.getMessage() + ValueMapping.hint(ValueMapping.RATE_TENOR));
        }
    }

    private void expectObject(String field) throws Reject {
        if (peek() != '{') {
            throw new Reject(field + " must be an object, not " + kind());
        }
    }

    // ---------------------------------------------------------------- values

    private String string(String prefix, String field, boolean shared) throws Reject {
        if (peek() != '"') {
            throw new Reject(prefix + field + " must be a string, not " + kind());
        }
        scanString();
        return stringValue(shared);
    }

    /** The common case without building the field's name; any problem is re-read with the full name. */
    private BigDecimal decimal(String prefix, String field, DecimalCache shared) throws Reject {
        BigDecimal quick = quickDecimal(shared);
        if (quick != null) {
            return quick;
        }
        int save = p;
        if (peek() == '"') {
            scanString();
            if ((strFlags & ESCAPES) == 0) {
                try {
                    return PlainValues.decimal(b, strStart, strEnd, field, StandardCharsets.UTF_8, shared);
                } catch (Reject r) {
                    // fall through for the message with the full name
                }
            }
            p = save;
        }
        return decimal(prefix + field, shared);
    }

    private <E extends Enum<E>> E enumValue(WireValues<E> values, String prefix, String field) throws Reject {
        int k = values.quotedAt(b, p, end);
        if (k >= 0) {
            p += values.quotedLength(k);
            return values.value(k);
        }
        if (peek() == '"') {
            int save = p;
            scanString();
            if ((strFlags & ESCAPES) == 0) {
                E v = values.match(b, strStart, strEnd);
                if (v != null) {
                    return v;
                }
            }
            p = save;
        }
        return enumValue(values, prefix + field);
    }

    private String string(String field, boolean shared) throws Reject {
        if (peek() != '"') {
            throw new Reject(field + " must be a string, not " + kind());
        }
        scanString();
        return stringValue(shared);
    }

    private String stringValue(boolean shared) throws Reject {
        int len = strEnd - strStart;
        if (strFlags == 0) {
            return shared ? cache.get(b, strStart, strEnd, StandardCharsets.ISO_8859_1)
                    : new String(b, strStart, len, StandardCharsets.ISO_8859_1);
        }
        if (strFlags == NON_ASCII) {
            if (shared) {
                String hit = cache.peek(b, strStart, strEnd);
                if (hit != null) {
                    return hit;
                }
                checkUtf8();
                return cache.get(b, strStart, strEnd, StandardCharsets.UTF_8);
            }
            checkUtf8();
            return new String(b, strStart, len, StandardCharsets.UTF_8);
        }
        return unescape();
    }

    /**
     * A quoted plain decimal of at most 18 digits ("376000.00"), parsed in one pass; null (p
     * unchanged) for anything else, which the full path reads or rejects. It accepts exactly what
     * that path accepts without escapes.
     */
    private BigDecimal quickDecimal(DecimalCache shared) {
        if (p >= end || b[p] != '"' || !plainDecimal.read(b, p + 1, end) || plainDecimal.end >= end
                || b[plainDecimal.end] != '"') {
            return null;
        }
        PlainDecimal q = plainDecimal;
        p = q.end + 1;
        return shared != null ? shared.get(q.unscaled, q.scale) : BigDecimal.valueOf(q.unscaled, q.scale);
    }

    private final PlainDecimal plainDecimal = new PlainDecimal();

    private BigDecimal decimal(String field) throws Reject {
        return decimal(field, d.decimals);
    }

    /** A decimal; {@code shared}: the cache of values that repeat, or null. */
    private BigDecimal decimal(String field, DecimalCache shared) throws Reject {
        BigDecimal quick = quickDecimal(shared);
        if (quick != null) {
            return quick;
        }
        byte c = peek();
        if (c == '"') {
            scanString();
            if ((strFlags & ESCAPES) != 0) {
                byte[] v = unescape().getBytes(StandardCharsets.UTF_8);
                return PlainValues.decimal(v, 0, v.length, field, StandardCharsets.UTF_8);
            }
            return PlainValues.decimal(b, strStart, strEnd, field, StandardCharsets.UTF_8, shared);
        }
        if (c == '-' || PlainValues.isDigit(c)) {
            scanNumber();
            if (numExponent) {
                throw new Reject(field + " " + PlainValues.show(b, numStart, numEnd, StandardCharsets.UTF_8)
                        + " has an exponent: write it as a plain decimal");
            }
            return PlainValues.decimal(b, numStart, numEnd, field, StandardCharsets.UTF_8, shared);
        }
        throw new Reject(field + " must be a decimal number (a JSON string or number), not " + kind());
    }

    private Integer wholeNumber(String field) throws Reject {
        // the common case: a JSON integer of at most 9 digits, no leading zero, fraction or exponent
        int i = p;
        boolean negative = i < end && b[i] == '-';
        if (negative) {
            i++;
        }
        int digitsStart = i;
        int v = 0;
        while (i < end && i - digitsStart < 10) {
            int dg = b[i] - '0';
            if (dg < 0 || dg > 9) {
                break;
            }
            v = v * 10 + dg;
            i++;
        }
        int n = i - digitsStart;
        if (n >= 1 && n <= 9 && (b[digitsStart] != '0' || n == 1)
                && (i >= end || (b[i] != '.' && b[i] != 'e' && b[i] != 'E'))) {
            p = i;
            return PlainValues.boxed(negative ? -v : v);
        }
        return PlainValues.boxed(slowWholeNumber(field));
    }

    private int slowWholeNumber(String field) throws Reject {
        byte c = peek();
        if (c == '"') {
            scanString();
            byte[] v = stringValue(false).getBytes(StandardCharsets.UTF_8);
            return PlainValues.wholeNumber(v, 0, v.length, field, StandardCharsets.UTF_8);
        }
        if (c == '-' || PlainValues.isDigit(c)) {
            scanNumber();
            if (!numExponent) {
                try {
                    return PlainValues.wholeNumber(b, numStart, numEnd, field, StandardCharsets.UTF_8);
                } catch (Reject r) {
                    if (!numFraction) {
                        throw r;
                    }
                }
            }
            // a JSON number is named as written, without quotes
            throw new Reject(numFraction && !numExponent
                    ? PlainValues.fractionalSpread(field, PlainValues.show(b, numStart, numEnd, StandardCharsets.UTF_8))
                    : field + " " + PlainValues.show(b, numStart, numEnd, StandardCharsets.UTF_8) + " is not a whole number");
        }
        throw new Reject(field + " must be a whole number, not " + kind());
    }

    /** The last date read as {@link LoanDraft#dayKey}, or 0 when it was not read in place. */
    private int lastDay;

    private java.time.LocalDate date(String field) throws Reject {
        lastDay = 0;
        // the common case, "YYYY-MM-DD" of a day that exists, read in place; anything else below
        if (p + 12 <= end && b[p] == '"' && b[p + 11] == '"') {
            java.time.LocalDate date = d.days.date(b, p + 1);
            if (date != null) {
                p += 12;
                lastDay = d.days.lastDay;
                return date;
            }
        }
        if (peek() != '"') {
            String kind = kind();
            String hint = "";
            if (kind.equals("a number")) {
                // 20240105 or an Excel serial day number written as a JSON number
                scanNumber();
                hint = DateHints.hint(new String(b, numStart, numEnd - numStart, StandardCharsets.ISO_8859_1));
            }
            throw new Reject(field + " must be a date string (YYYY-MM-DD), not " + kind + hint);
        }
        scanString();
        if ((strFlags & ESCAPES) != 0) {
            byte[] v = unescape().getBytes(StandardCharsets.UTF_8);
            return PlainValues.date(v, 0, v.length, field, StandardCharsets.UTF_8);
        }
        return PlainValues.date(b, strStart, strEnd, field, StandardCharsets.UTF_8);
    }

    private <E extends Enum<E>> E enumValue(WireValues<E> values, String field) throws Reject {
        int k = values.quotedAt(b, p, end);
        if (k >= 0) {
            p += values.quotedLength(k);
            return values.value(k);
        }
        if (peek() != '"') {
            throw new Reject(field + " must be a string, not " + kind());
        }
        scanString();
        String text = (strFlags & ESCAPES) != 0 ? unescape() : null;
        byte[] v = text == null ? b : text.getBytes(StandardCharsets.UTF_8);
        int s = text == null ? strStart : 0;
        int e = text == null ? strEnd : v.length;
        E canonical = values.match(v, s, e);
        if (canonical != null) {
            return canonical;
        }
        // not a canonical value: one the configuration maps to one (docs/loanbook.md), else the reject
        int column = values == WireValues.BORROWER_TYPES ? ValueMapping.BORROWER_TYPE
                : values == WireValues.RATE_TYPES ? ValueMapping.RATE_TYPE
                : values == WireValues.REPAYMENTS ? ValueMapping.REPAYMENT : ValueMapping.FEE_WHEN;
        Object mapped = this.values.canonical(column, text != null ? text : new String(v, s, e - s,
                StandardCharsets.UTF_8));
        if (mapped instanceof Enum<?>) {
            // the column is that of these values, so the mapped constant is one of them ("bundled", a
            // fees.csv timing only, is not an Enum and is rejected here)
            @SuppressWarnings("unchecked")
            E m = (E) mapped;
            return m;
        }
        throw new Reject(values.unknown(text != null ? PlainValues.show(text)
                : PlainValues.show(b, strStart, strEnd, StandardCharsets.UTF_8), field) + ValueMapping.hint(column));
    }


    private boolean bool(String field) throws Reject {
        byte c = peek();
        if (c == 't') {
            literal(TRUE);
            return true;
        }
        if (c == 'f') {
            literal(FALSE);
            return false;
        }
        throw new Reject(field + " must be true or false, not " + kind());
    }

    /** What the value at p is, for messages. */
    private String kind() throws Reject {
        byte c = peek();
        return switch (c) {
            case '{' -> "an object";
            case '[' -> "an array";
            case '"' -> "a string";
            case 't' -> "true";
            case 'f' -> "false";
            case 'n' -> "null";
            default -> {
                if (c == '-' || PlainValues.isDigit(c)) {
                    yield "a number";
                }
                throw syntax("unexpected character '" + printable(c) + "'");
            }
        };
    }

    // ---------------------------------------------------------------- scanning

    private void ws() {
        while (p < end) {
            byte c = b[p];
            if (c == ' ' || c == '\t' || c == '\r' || (c == '\n' && !oneLine)) {
                p++;
            } else {
                return;
            }
        }
    }

    private byte peek() throws Reject {
        if (p >= end) {
            throw endOfLine();
        }
        return b[p];
    }

    /** Steps over an opening '{' or '[' and the blanks after it; true when {@code close} follows at once. */
    private boolean opensEmpty(char close) throws Reject {
        p++;
        if (p < end && b[p] <= ' ') {
            ws();
        }
        if (peek() == close) {
            p++;
            return true;
        }
        return false;
    }

    /** Steps over the ':' after a field name, with the blanks around it. */
    private void colon() throws Reject {
        ws();
        if (peek() != ':') {
            throw syntax("expected ':' after a field name");
        }
        p++;
        ws();
    }

    /**
     * After a member of an object or array: true when a ',' announces another (stepped over, with
     * the blanks after it), false when {@code close} ends it (stepped over). The message's place
     * ({@code where} + {@code field}) is only put together for a line that is wrong.
     */
    private boolean more(char close, String where, String field) throws Reject {
        if (p < end && b[p] <= ' ') {
            ws();
        }
        byte c = peek();
        if (c == ',') {
            p++;
            if (p < end && b[p] <= ' ') {
                ws();
            }
            return true;
        }
        if (c == close) {
            p++;
            return false;
        }
        throw syntax("expected ',' or '" + close + "' " + where + field);
    }

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private void literal(byte[] word) throws Reject {
        for (int i = 0; i < word.length; i++) {
            if (p + i >= end) {
                p += i;
                throw endOfLine();
            }
            if (b[p + i] != word[i]) {
                p += i;
                throw syntax("unexpected character '" + printable(b[p]) + "'");
            }
        }
        p += word.length;
    }

    private void scanString() throws Reject {
        int i = p + 1;
        int flags = 0;
        // words of eight plain bytes (no quote, backslash or control character) are stepped over at
        // once, noting non-ASCII; the byte loop below handles the first special byte and the rest
        int wordsEnd = end - 7;
        while (i < wordsEnd) {
            long x = Bytes.word(b, i);
            long special = Bytes.matches(x, QUOTES) | Bytes.matches(x, BACKSLASHES)
                    | ((x - SPACES) & ~x & HIGH_BITS);
            if (special != 0) {
                long before = (special & -special) - 1;
                if ((x & HIGH_BITS & before) != 0) {
                    flags |= NON_ASCII;
                }
                i += Bytes.firstMarked(special);
                break;
            }
            if ((x & HIGH_BITS) != 0) {
                flags |= NON_ASCII;
            }
            i += 8;
        }
        while (true) {
            if (i >= end) {
                p = i;
                throw endOfLine();
            }
            byte c = b[i];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                flags |= ESCAPES;
                if (i + 1 >= end) {
                    p = i + 1;
                    throw endOfLine();
                }
                byte e = b[i + 1];
                if (e == 'u') {
                    for (int k = 2; k <= 5; k++) {
                        if (i + k >= end) {
                            p = i + k;
                            throw endOfLine();
                        }
                        if (hex(b[i + k]) < 0) {
                            p = i + k;
                            throw syntax("invalid \\u escape");
                        }
                    }
                    i += 6;
                } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r'
                        || e == 't') {
                    i += 2;
                } else {
                    p = i + 1;
                    throw syntax("invalid escape \\" + printable(e));
                }
                continue;
            }
            if (c >= 0 && c < 0x20) {
                p = i;
                throw syntax("a control character inside a string");
            }
            if (c < 0) {
                flags |= NON_ASCII;
            }
            i++;
        }
        strStart = p + 1;
        strEnd = i;
        strFlags = flags;
        p = i + 1;
        // UTF-8 is checked where a string is decoded or skipped (a cached value was checked when first
        // seen); numbers, dates and enums are ASCII, and any rejection checks the whole line first
    }

    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private void checkUtf8() throws Reject {
        if ((strFlags & NON_ASCII) != 0) {
            int bad = Utf8.firstInvalid(b, strStart, strEnd);
            if (bad >= 0) {
                throw invalidUtf8(bad);
            }
        }
    }

    private String unescape() throws Reject {
        checkUtf8();
        sb.setLength(0);
        int i = strStart;
        while (i < strEnd) {
            byte c = b[i];
            if (c == '\\') {
                byte e = b[i + 1];
                switch (e) {
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        char ch = (char) ((hex(b[i + 2]) << 12) | (hex(b[i + 3]) << 8) | (hex(b[i + 4]) << 4)
                                | hex(b[i + 5]));
                        if (Character.isHighSurrogate(ch)) {
                            int j = i + 6;
                            char low = 0;
                            // the scan checked every escape, so a following "\\u" is complete
                            if (j + 1 < strEnd && b[j] == '\\' && b[j + 1] == 'u') {
                                low = (char) ((hex(b[j + 2]) << 12) | (hex(b[j + 3]) << 8) | (hex(b[j + 4]) << 4)
                                        | hex(b[j + 5]));
                            }
                            if (!Character.isLowSurrogate(low)) {
                                throw new Reject("a string has a lone surrogate \\u"
                                        + Integer.toHexString(ch).toUpperCase(java.util.Locale.ROOT)
                                        + " at byte " + (i - lineStart + 1));
                            }
                            sb.append(ch).append(low);
                            i += 6;
                        } else if (Character.isLowSurrogate(ch)) {
                            throw new Reject("a string has a lone surrogate \\u"
                                    + Integer.toHexString(ch).toUpperCase(java.util.Locale.ROOT) + " at byte "
                                    + (i - lineStart + 1));
                        } else {
                            sb.append(ch);
                        }
                        i += 4;
                    }
                    default -> sb.append((char) e); // " \ /
                }
                i += 2;
            } else if (c >= 0) {
                sb.append((char) c);
                i++;
            } else {
                int len = TextEncodings.utf8SequenceLength(b, i, strEnd);
                sb.append(new String(b, i, len, StandardCharsets.UTF_8));
                i += len;
            }
        }
        return sb.toString();
    }

    /** The end of the digits from {@code i} on (a fraction's or exponent's): at least one, else rejected. */
    private int requiredDigits(int i) throws Reject {
        int ds = i;
        while (i < end && PlainValues.isDigit(b[i])) {
            i++;
        }
        if (i == ds) {
            p = i;
            throw i >= end ? endOfLine() : syntax("invalid number");
        }
        return i;
    }

    /**
     * An id written as a JSON whole number ({@code "id": 1024}, as exports of integer keys write it) is
     * its digits, the same id as {@code "1024"} (partners.json takes such ids so too); a fraction or
     * exponent is no id.
     */
    private String numericId() throws Reject {
        scanNumber();
        if (numFraction || numExponent) {
            throw new Reject("id must be a string or a whole number, not "
                    + PlainValues.show(b, numStart, numEnd, StandardCharsets.UTF_8));
        }
        d.idBytes(b, numStart, numEnd);
        return new String(b, numStart, numEnd - numStart, StandardCharsets.ISO_8859_1);
    }

    private void scanNumber() throws Reject {
        int s = p;
        int i = p;
        if (b[i] == '-') {
            i++;
        }
        if (i >= end) {
            p = i;
            throw endOfLine();
        }
        if (b[i] == '0') {
            i++;
        } else if (b[i] >= '1' && b[i] <= '9') {
            while (i < end && PlainValues.isDigit(b[i])) {
                i++;
            }
        } else {
            p = i;
            throw syntax("invalid number");
        }
        boolean fraction = false;
        boolean exponent = false;
        if (i < end && b[i] == '.') {
            i = requiredDigits(i + 1);
            fraction = true;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            i = requiredDigits(i);
            exponent = true;
        }
        numStart = s;
        numEnd = i;
        numFraction = fraction;
        numExponent = exponent;
        p = i;
    }

    private void skipValue(int depth) throws Reject {
        if (depth > MAX_DEPTH) {
            throw new Reject("values are nested more than " + MAX_DEPTH + " levels deep");
        }
        byte c = peek();
        switch (c) {
            case '"' -> {
                scanString();
                checkUtf8();
            }
            case 't' -> literal(TRUE);
            case 'f' -> literal(FALSE);
            case 'n' -> literal(NULL);
            case '{' -> {
                if (opensEmpty('}')) {
                    return;
                }
                do {
                    if (peek() != '"') {
                        throw syntax("expected a field name in double quotes");
                    }
                    scanString();
                    colon();
                    skipValue(depth + 1);
                } while (more('}', "in an object", ""));
            }
            case '[' -> {
                if (opensEmpty(']')) {
                    return;
                }
                do {
                    skipValue(depth + 1);
                } while (more(']', "in an array", ""));
            }
            default -> {
                if (c == '-' || PlainValues.isDigit(c)) {
                    scanNumber();
                } else {
                    throw syntax("unexpected character '" + printable(c) + "'");
                }
            }
        }
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private String printable(byte c) {
        if (c >= 0x20 && c < 0x7F) {
            return String.valueOf((char) c);
        }
        return String.format("0x%02X", c & 0xFF);
    }

    // ---------------------------------------------------------------- errors

    private Reject endOfLine() {
        if (cutShort) {
            return new Reject("the file ends in the middle of this loan (the last line is cut short)");
        }
        int bad = Utf8.firstInvalid(b, lineStart, end);
        if (bad >= 0) {
            return invalidUtf8(bad);
        }
        return new Reject("not valid JSON: the line ends in the middle of a value");
    }

    private Reject syntax(String what) {
        int bad = Utf8.firstInvalid(b, lineStart, end);
        if (bad >= 0) {
            return invalidUtf8(bad);
        }
        return new Reject("not valid JSON: " + what + " at byte " + (Math.min(p, end) - lineStart + 1));
    }

    private Reject invalidUtf8(int at) {
        return new Reject("invalid UTF-8 at byte " + (at - lineStart + 1) + invalidUtf8Hint);
    }

    /**
     * The field names of one object kind, matched on raw bytes: a small collision-free table keyed on
     * length, first and last byte picks the one candidate to compare.
     */
    private static final class Keys {
        private static final int TABLE = 256;
        final String[] names;
        final byte[][] bytes;
        /** Each name with its quotes and colon, for the predicted-name compare. */
        final BytePattern[] quoted;
        /** The same after the comma that separates it from the field before. */
        final BytePattern[] commaQuoted;
        private final int[] table = new int[TABLE];
        private int multiplier;

        Keys(String... names) {
            this.names = names;
            this.bytes = new byte[names.length][];
            this.quoted = new BytePattern[names.length];
            this.commaQuoted = new BytePattern[names.length];
            for (int i = 0; i < names.length; i++) {
                quoted[i] = new BytePattern('"' + names[i] + "\":");
                commaQuoted[i] = new BytePattern(",\"" + names[i] + "\":");
                bytes[i] = names[i].getBytes(StandardCharsets.US_ASCII);
            }
            for (multiplier = 1; !fill(); multiplier += 2) {
                // try the next odd multiplier until no two keys share a slot
            }
        }

        private boolean fill() {
            java.util.Arrays.fill(table, -1);
            for (int i = 0; i < bytes.length; i++) {
                byte[] k = bytes[i];
                int h = slot(k, 0, k.length);
                if (table[h] >= 0) {
                    return false;
                }
                table[h] = i;
            }
            return true;
        }

        private int slot(byte[] b, int s, int len) {
            return (len * multiplier * 31 + (b[s] & 0xFF) * 7 + (b[s + len - 1] & 0xFF) * multiplier) & (TABLE - 1);
        }

        int match(byte[] b, int s, int e) {
            int len = e - s;
            if (len == 0) {
                return -1;
            }
            int i = table[slot(b, s, len)];
            if (i < 0) {
                return -1;
            }
            byte[] k = bytes[i];
            if (k.length != len) {
                return -1;
            }
            for (int j = 0; j < len; j++) {
                if (k[j] != b[s + j]) {
                    return -1;
                }
            }
            return i;
        }

        int match(String name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
