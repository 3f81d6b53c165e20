package org.feewatch.loanbook.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.feewatch.api.InputIssue;
import org.feewatch.api.spi.LoanBookListener;
import org.feewatch.api.spi.LoanBookReader;
import org.feewatch.api.text.TextEncodings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Reads loans.jsonl: UTF-8, one JSON loan object per line, parsed in parallel chunks. */
@Component(service = LoanBookReader.class,
        configurationPid = {"org.feewatch.loanbook.reader", "org.feewatch.loanbook.columns"},
        property = "format=jsonl")
public final class JsonlLoanBookReader implements LoanBookReader {
    /** Added to a line's "invalid UTF-8" reason when the book looks like GBK/GB18030. */
    static final String GBK_HINT = " (the file looks like GBK/GB18030; loans.jsonl must be saved as UTF-8)";

    private final ReaderSettings settings;

    /** The value mapping of the CSV columns applies to the same fields of loans.jsonl (docs/loanbook.md). */
    @Activate
    public JsonlLoanBookReader(ReaderConfig config, ColumnsConfig columns) {
        this(ReaderSettings.of(config), config.fractionRateBelow(), ColumnMapping.of(columns).values());
    }

    /** With the default value mapping. */
    public JsonlLoanBookReader(ReaderConfig config) {
        this(ReaderSettings.of(config), config.fractionRateBelow(), ValueMapping.defaults());
    }

    JsonlLoanBookReader(ReaderSettings settings) {
        this(settings, FractionRates.DEFAULT_BELOW, ValueMapping.defaults());
    }

    /** {@code fractionRateBelow}: nominal rates above 0 and below this (percent) are counted in a warning. */
    JsonlLoanBookReader(ReaderSettings settings, double fractionRateBelow, ValueMapping values) {
        this.settings = settings;
        this.fractionRateBelow = fractionRateBelow;
        this.values = values;
    }

    private final ValueMapping values;

    private final double fractionRateBelow;

    @Override
    public String format() {
        return "jsonl";
    }

    @Override
    public Path bookFile(Path caseDir) {
        Path p = caseDir.resolve(JsonLoanParser.FILE);
        return Files.isRegularFile(p) ? p : null;
    }

    @Override
    public void read(Path caseDir, LoanBookListener listener) throws IOException {
        readCounting(caseDir, listener);
    }

    /** Reads the book and says how many lines were accepted and rejected. */
    ChunkedBookReader.Totals readCounting(Path caseDir, LoanBookListener listener) throws IOException {
        Path file = bookFile(caseDir);
        if (file == null) {
            return new ChunkedBookReader.Totals(0, 0, new UnknownFields());
        }
        byte[] head = BookCharset.head(file);
        BookForm form = BookForm.of(head);
        if (form.kind == BookForm.Kind.BINARY) {
            return new ChunkedBookReader.Totals(0, form.rejectBinary(JsonLoanParser.FILE, "UTF-8 JSON lines",
                    listener), new UnknownFields());
        }
        if (form.kind == BookForm.Kind.WIDE) {
            long rejected = form.rejectAll(file, JsonLoanParser.FILE, 1, "UTF-8", listener);
            return new ChunkedBookReader.Totals(0, rejected, new UnknownFields());
        }
        Path read = file;
        if (form.kind == BookForm.Kind.CR_ONLY) {
            listener.onWarning(BookForm.crOnlyWarning(JsonLoanParser.FILE));
            read = BookForm.withLineFeeds(file);
        }
        try {
            // decided once per book, so the per-line path stays as it is: each invalid line says why (a copy
            // with line feeds for carriage returns looks the same)
            String hint = TextEncodings.looksLikeGb18030(head, 0, head.length) ? GBK_HINT : "";
            String document = BookForm.jsonDocumentHint(head);
            FractionRates rates = new FractionRates(document.isEmpty() ? listener
                    : new HintedRejections(listener, document), fractionRateBelow);
            ChunkedBookReader.Totals totals = new ChunkedBookReader(settings).read(read, JsonLoanParser.FILE, 0, 1,
                    () -> new JsonLoanParser(hint, values), new IdRegistry(), rates.tally(), rates);
            rates.report(JsonLoanParser.FILE, "rate.nominal");
            for (InputIssue w : totals.unknown().warnings(JsonLoanParser.FILE, "field")) {
                listener.onWarning(w);
            }
            return totals;
        } finally {
            if (read != file) {
                Files.deleteIfExists(read);
            }
        }
    }

    /** Passes everything on, each rejection's reason with {@code hint} added (decided once per book). */
    private static final class HintedRejections implements LoanBookListener {
        private final LoanBookListener next;
        private final String hint;

        HintedRejections(LoanBookListener next, String hint) {
            this.next = next;
            this.hint = hint;
        }

        @Override
        public void onLoans(long sequence, java.util.List<org.feewatch.api.Loan> loans) {
            next.onLoans(sequence, loans);
        }

        @Override
        public void onRejected(InputIssue issue) {
            next.onRejected(new InputIssue(issue.file(), issue.line(), issue.message() + hint));
        }

        @Override
        public void onWarning(InputIssue issue) {
            next.onWarning(issue);
        }

        @Override
        public void onProgress(long bytesRead, long bytesTotal) {
            next.onProgress(bytesRead, bytesTotal);
        }
    }
}
