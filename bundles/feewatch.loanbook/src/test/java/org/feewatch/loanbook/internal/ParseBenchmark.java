package org.feewatch.loanbook.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.feewatch.api.Loan;
import org.feewatch.api.spi.LoanBookListener;

/**
 * The line parsers alone on one thread, over the first lines of a case's book held in memory (no
 * file reads, no line counting, no listener): CPU time of this thread per pass. Not a test: a tool
 * for comparing parser changes with less noise than {@link ReaderBenchmark}.
 *
 * <pre>java -cp … org.feewatch.loanbook.internal.ParseBenchmark jsonl|csv CASE_DIR [MiB] [passes]</pre>
 */
public final class ParseBenchmark {
    private ParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String format = args[0];
        Path dir = Path.of(args[1]);
        int mib = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int passes = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        boolean csv = "csv".equals(format);
        Path book = dir.resolve(csv ? CsvLoanParser.LOANS : JsonLoanParser.FILE);
        byte[] b;
        try (FileChannel ch = FileChannel.open(book, StandardOpenOption.READ)) {
            ByteBuffer bb = ByteBuffer.allocate((int) Math.min(ch.size(), (long) mib << 20));
            while (bb.hasRemaining() && ch.read(bb) >= 0) {
                // fill
            }
            b = bb.array();
        }
        int end = lastLineEnd(b) + 1;
        int start = 0;
        ChunkedBookReader.LineParser parser;
        FileChannel fees = null;
        if (csv) {
            start = indexOf(b, 0, end) + 1;
            CsvHeader header = CsvHeader.parse(b, 0, start - 1, StandardCharsets.UTF_8, CsvLoanParser.LOANS,
                    ColumnMapping.LOAN_COLUMNS, ColumnMapping.REQUIRED_LOAN_COLUMNS,
                    ColumnMapping.defaults()::loanColumn, "every line is rejected");
            fees = FileChannel.open(dir.resolve(CsvLoanParser.FEES), StandardOpenOption.READ);
            FeeScan scan = FeeScan.scan(fees, BookCharset.of(BookCharset.head(dir.resolve(CsvLoanParser.FEES)), "auto"), 1 << 20,
                    ColumnMapping.defaults(), new LoanBookListener() {
                        @Override
                        public void onLoans(long sequence, java.util.List<Loan> loans) {
                        }

                        @Override
                        public void onRejected(org.feewatch.api.InputIssue issue) {
                        }

                        @Override
                        public void onWarning(org.feewatch.api.InputIssue issue) {
                        }
                    });
            parser = new CsvLoanParser(header, StandardCharsets.UTF_8, scan.header(), StandardCharsets.UTF_8,
                    scan.index(), fees, fees.map(FileChannel.MapMode.READ_ONLY, 0, fees.size()));
        } else {
            parser = new JsonLoanParser();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 1; pass <= passes; pass++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long loans = 0;
            long rejected = 0;
            long check = 0;
            long line = 2;
            int i = start;
            while (i < end) {
                Loan loan = csv ? null : parser.parseToLineEnd(b, i, end, line);
                // the one pass finds the line's end itself, as in the reader
                int nl = loan != null ? parser.lineEnd() : indexOf(b, i, end);
                if (loan != null) {
                    // parsed
                } else if (csv) {
                    try {
                        loan = parser.parse(b, i, nl, line, false);
                    } catch (Reject r) {
                        rejected++;
                    }
                } else {
                    try {
                        loan = parser.parse(b, i, nl, line, false);
                    } catch (Reject r) {
                        rejected++;
                    }
                }
                if (loan != null) {
                    loans++;
                    check += loan.fees().size() + loan.maturityDate().getDayOfMonth();
                }
                line++;
                i = nl + 1;
            }
            double ms = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
            System.out.printf("pass %d: %s %,d loans, %,d rejected (check %d): %.1f ms CPU, %.0f ns per loan%n", pass,
                    format, loans, rejected, check, ms, ms * 1e6 / Math.max(1, loans + rejected));
        }
        if (fees != null) {
            fees.close();
        }
    }

    private static int lastLineEnd(byte[] b) {
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, int from, int to) {
        int i = Bytes.indexOf(b, from, to, (byte) '\n');
        return i < 0 ? to : i;
    }
}
