package org.feewatch.loanbook.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.feewatch.api.InputIssue;
import org.feewatch.api.spi.LoanBookListener;
import org.feewatch.api.spi.LoanBookReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Reads loans.csv with fees.csv beside it (UTF-8 or GBK/GB18030, RFC 4180 quoting, header on line 1,
 * headers mapped to canonical columns by configuration).
 *
 * <p>Fees are joined without holding fee rows in memory: fees.csv is pre-scanned into a
 * {@link FeeIndex} (byte ranges per loan id), and each loan's rows are re-read from the file when
 * the loan is parsed. This works in any row order; when fees.csv follows the order of loans.csv (as
 * exports do) the re-reads move forward through the file and stay in the page cache.
 */
@Component(service = LoanBookReader.class,
        configurationPid = {"org.feewatch.loanbook.reader", "org.feewatch.loanbook.columns"},
        property = "format=csv")
public final class CsvLoanBookReader implements LoanBookReader {
    private final ReaderSettings settings;
    private final ColumnMapping columns;
    private final String encoding;

    @Activate
    public CsvLoanBookReader(ReaderConfig reader, ColumnsConfig columns) {
        this(ReaderSettings.of(reader), ColumnMapping.of(columns), reader.csvEncoding(), MAX_MAPPED_FEES,
                reader.fractionRateBelow());
    }

    CsvLoanBookReader(ReaderSettings settings, ColumnMapping columns, String encoding) {
        this(settings, columns, encoding, MAX_MAPPED_FEES);
    }

    /** {@code maxMappedFees}: the largest fees.csv mapped in memory (tests read with 0 too). */
    CsvLoanBookReader(ReaderSettings settings, ColumnMapping columns, String encoding, long maxMappedFees) {
        this(settings, columns, encoding, maxMappedFees, FractionRates.DEFAULT_BELOW);
    }

    /** {@code fractionRateBelow}: nominal rates above 0 and below this (percent) are counted in a warning. */
    CsvLoanBookReader(ReaderSettings settings, ColumnMapping columns, String encoding, long maxMappedFees,
            double fractionRateBelow) {
        this.fractionRateBelow = fractionRateBelow;
        this.settings = settings;
        this.columns = columns;
        this.encoding = encoding;
        this.maxMappedFees = maxMappedFees;
    }

    private final long maxMappedFees;
    private final double fractionRateBelow;

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public Path bookFile(Path caseDir) {
        Path p = caseDir.resolve(CsvLoanParser.LOANS);
        return Files.isRegularFile(p) ? p : null;
    }

    @Override
    public void read(Path caseDir, LoanBookListener listener) throws IOException {
        readCounting(caseDir, listener);
    }

    /**
     * Up to this size fees.csv is mapped: its pages then count in the process's resident memory, so a
     * larger file is read row group by row group instead, keeping memory bounded whatever the book.
     */
    private static final long MAX_MAPPED_FEES = 64L << 20;

    /** fees.csv mapped read-only, or null when it is not (too large, not a plain file): then it is read. */
    private ByteBuffer map(FileChannel feeFile) {
        try {
            long size = feeFile.size();
            if (size == 0 || size > maxMappedFees) {
                return null;
            }
            return feeFile.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    ChunkedBookReader.Totals readCounting(Path caseDir, LoanBookListener listener) throws IOException {
        Path loans = bookFile(caseDir);
        if (loans == null) {
            return new ChunkedBookReader.Totals(0, 0, new UnknownFields());
        }
        byte[] loansHead = BookCharset.head(loans);
        BookForm form = BookForm.of(loansHead);
        if (form.kind == BookForm.Kind.BINARY) {
            return new ChunkedBookReader.Totals(0, form.rejectBinary(CsvLoanParser.LOANS, "CSV (UTF-8)", listener),
                    new UnknownFields());
        }
        if (form.kind == BookForm.Kind.WIDE) {
            long rejected = form.rejectAll(loans, CsvLoanParser.LOANS, 2, "UTF-8 or GBK", listener);
            return new ChunkedBookReader.Totals(0, rejected, new UnknownFields());
        }
        Path fees = caseDir.resolve(CsvLoanParser.FEES);
        byte[] feesHead = Files.isRegularFile(fees) ? BookCharset.head(fees) : null;
        BookForm feeForm = feesHead == null ? null : BookForm.of(feesHead);
        Path readLoans = loans;
        Path readFees = fees;
        try {
            if (form.kind == BookForm.Kind.CR_ONLY) {
                listener.onWarning(BookForm.crOnlyWarning(CsvLoanParser.LOANS));
                readLoans = BookForm.withLineFeeds(loans);
            }
            boolean unreadableFees = feeForm != null
                    && (feeForm.kind == BookForm.Kind.WIDE || feeForm.kind == BookForm.Kind.BINARY);
            if (unreadableFees) {
                listener.onWarning(InputIssue.of(CsvLoanParser.FEES, CsvLoanParser.FEES + " is " + feeForm.evidence
                        + (feeForm.kind == BookForm.Kind.WIDE ? ", not UTF-8 or GBK" : ", not text")
                        + ": its rows cannot be read and are ignored; save it as "
                        + (feeForm.kind == BookForm.Kind.WIDE ? "UTF-8" : "CSV (UTF-8)") + " and audit again"));
            } else if (feeForm != null && feeForm.kind == BookForm.Kind.CR_ONLY) {
                listener.onWarning(BookForm.crOnlyWarning(CsvLoanParser.FEES));
                readFees = BookForm.withLineFeeds(fees);
            }
            FractionRates rates = new FractionRates(listener, fractionRateBelow);
            ChunkedBookReader.Totals totals = readCounting(readLoans, loansHead, readFees, feesHead,
                    unreadableFees, rates);
            rates.report(CsvLoanParser.LOANS, "nominal_rate");
            return totals;
        } finally {
            if (readLoans != loans) {
                Files.deleteIfExists(readLoans);
            }
            if (readFees != fees) {
                Files.deleteIfExists(readFees);
            }
        }
    }

    /** How many lines below an unusable line 1 are looked at for the column names. */
    private static final int HEADER_SEARCH_LINES = 5;

    /**
     * When line 1 is not the header, whether one of the next lines is (a title or a date above the table,
     * as Excel reports have): a sentence saying so, or null. CASE-FORMAT.md puts the header on line 1, so
     * the book is still not read; the user learns what to remove.
     */
    private String headerBelow(SequentialLines lines, BookCharset cs, int missing) throws IOException {
        for (int n = 2; n <= HEADER_SEARCH_LINES + 1 && lines.next((k, len) -> { }); n++) {
            CsvHeader candidate = CsvHeader.parse(lines.bytes, lines.start, lines.end, cs.charset(),
                    CsvLoanParser.LOANS, ColumnMapping.LOAN_COLUMNS, ColumnMapping.REQUIRED_LOAN_COLUMNS,
                    columns::loanColumn, "");
            if (candidate.missingRequired.size() < missing && candidate.missingRequired.size()
                    < ColumnMapping.REQUIRED_LOAN_COLUMNS.size() / 2) {
                return "line " + n + " holds the column names: the header must be the first line (CASE-FORMAT.md),"
                        + " so remove the " + (n == 2 ? "line" : (n - 1) + " lines") + " above it (a title?) and "
                        + "audit again";
            }
        }
        return null;
    }

    /**
     * Reads {@code loans} with {@code feesPath} (no fees when {@code noFees}; none when {@code feesHead} is
     * null): plain text forms only. The heads are the files' first bytes, as read for their {@link BookForm}
     * (a copy with line feeds for carriage returns has the same charset). {@code rates}: the listener,
     * which also counts the fraction rates of the loans.
     */
    private ChunkedBookReader.Totals readCounting(Path loans, byte[] loansHead, Path feesPath, byte[] feesHead,
            boolean noFees, FractionRates rates) throws IOException {
        LoanBookListener listener = rates;
        ChunkedBookReader.Totals none = new ChunkedBookReader.Totals(0, 0, new UnknownFields());
        BookCharset cs = BookCharset.of(loansHead, encoding);
        CsvHeader header;
        long dataOffset;
        try (FileChannel ch = FileChannel.open(loans, StandardOpenOption.READ)) {
            SequentialLines lines = new SequentialLines(ch, cs.bomLength(), 1, settings.maxLineBytes());
            if (!lines.next((n, len) -> { })) {
                listener.onWarning(InputIssue.of(CsvLoanParser.LOANS, "the file is empty: no header line, no loans"));
                return none;
            }
            header = CsvHeader.parse(lines.bytes, lines.start, lines.end, cs.charset(), CsvLoanParser.LOANS,
                    ColumnMapping.LOAN_COLUMNS, ColumnMapping.REQUIRED_LOAN_COLUMNS, columns::loanColumn,
                    "every line is rejected");
            dataOffset = lines.nextOffset;
            if (!header.missingRequired.isEmpty()) {
                String below = headerBelow(lines, cs, header.missingRequired.size());
                if (below != null) {
                    header.warnings.add(InputIssue.at(CsvLoanParser.LOANS, 1, below));
                }
            }
        }
        header.warnings.forEach(listener::onWarning);
        for (String problem : columns.values().problems) {
            listener.onWarning(InputIssue.of(CsvLoanParser.LOANS, "value mapping " + problem));
        }

        FileChannel feeFile = null;
        FeeIndex index = null;
        CsvHeader feeHeader = null;
        BookCharset feeCs = null;
        try {
            if (noFees) {
                // the reason was given by the caller
            } else if (feesHead != null) {
                feeCs = BookCharset.of(feesHead, encoding);
                feeFile = FileChannel.open(feesPath, StandardOpenOption.READ);
                FeeScan scan = FeeScan.scan(feeFile, feeCs, settings.maxLineBytes(), columns, listener);
                index = scan.index();
                feeHeader = scan.header();
            } else {
                listener.onWarning(InputIssue.of(CsvLoanParser.FEES,
                        "there is no fees.csv beside loans.csv: the loans are read without fees"));
            }
            final FeeIndex fi = index;
            final CsvHeader fh = feeHeader;
            final FileChannel fc = feeFile;
            final BookCharset fcs = feeCs;
            final ByteBuffer map = index == null ? null : map(feeFile);
            ChunkedBookReader.Totals totals = new ChunkedBookReader(settings).read(loans, CsvLoanParser.LOANS,
                    dataOffset, 2, () -> new CsvLoanParser(header, cs.charset(), fh,
                            fcs == null ? StandardCharsets.UTF_8 : fcs.charset(), fi, fc,
                            map == null ? null : map.duplicate(), columns.values()),
                    new IdRegistry(), rates.tally(), listener);
            if (index != null) {
                FeeScan.reportOrphans(feeFile, index, feeHeader, feeCs, listener);
            }
            return totals;
        } finally {
            if (feeFile != null) {
                feeFile.close();
            }
        }
    }
}
