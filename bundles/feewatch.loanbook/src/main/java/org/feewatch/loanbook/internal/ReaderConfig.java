package org.feewatch.loanbook.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Tuning of the loan-book readers (PID org.feewatch.loanbook.reader, read by both readers); defaults
 * in config/. The metatype designation is made here (pid =) rather than with a component's
 * {@code @Designate}, because the CSV reader takes two configuration PIDs and bnd allows a
 * {@code @Designate} only on a single-PID component.
 */
@ObjectClassDefinition(id = "org.feewatch.loanbook.reader", pid = "org.feewatch.loanbook.reader", name = "feewatch loan-book reading",
        description = "How loans.jsonl and loans.csv are read: threads, chunk size, longest line")
public @interface ReaderConfig {
    @AttributeDefinition(name = "Parser threads", description = "Threads that parse the book (and run the "
            + "audit of each batch); 0 means one per processor")
    int threads() default 0;

    @AttributeDefinition(name = "Chunk size (KiB)", description = "The book is read in byte chunks of this size, "
            + "split at line ends; one chunk is one batch of loans")
    int chunkKiB() default 2048;

    @AttributeDefinition(name = "Lines per chunk", description = "A chunk ends after at most this many lines "
            + "(0: only its size ends it), so a batch holds about as many loans whatever the book's line "
            + "length: short CSV lines would otherwise put three times the loans of a JSONL chunk in flight")
    int batchLines() default ReaderSettings.DEFAULT_BATCH_LINES;

    @AttributeDefinition(name = "Longest line (KiB)", description = "A longer line is rejected with its line "
            + "number and never held in memory")
    int maxLineKiB() default 1024;

    @AttributeDefinition(name = "CSV encoding", description = "auto (byte-order mark, else valid UTF-8, else "
            + "GB18030, which covers GBK and GB2312), or a charset name such as UTF-8 or GBK")
    String csvEncoding() default "auto";

    @AttributeDefinition(name = "Fraction-rate warning below (%)", description = "Rates are in percent: a book "
            + "whose loans have a nominal rate above 0 and below this (0.0435 written for 4.35 %) gets one warning "
            + "with their count and the first line; 0 turns the warning off")
    double fractionRateBelow() default FractionRates.DEFAULT_BELOW;
}
