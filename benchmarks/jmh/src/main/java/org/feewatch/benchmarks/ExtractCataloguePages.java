package org.feewatch.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.feewatch.api.Snapshot;
import org.feewatch.disclosure.internal.extract.ExtractionLimits;
import org.feewatch.disclosure.internal.extract.TableCatalogueExtractor;

/**
 * Extracts the 1,000 generated catalogue pages {@code rounds} times after {@code warmups} warm-up
 * rounds and prints, per round of 1,000 pages, the wall time and the thread CPU time (which a busy
 * shared machine disturbs far less). Run by {@code benchmarks/extract-catalogues.sh}.
 */
public final class ExtractCataloguePages {

    private ExtractCataloguePages() {
    }

    public static void main(String[] args) {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Snapshot[] pages = CataloguePages.generate(CatalogueExtractionBenchmark.PAGES, CatalogueExtractionBenchmark.SEED);
        long chars = 0;
        for (Snapshot p : pages) {
            chars += p.text().length();
        }
        TableCatalogueExtractor extractor = new TableCatalogueExtractor(ExtractionLimits.DEFAULTS, null);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int items = 0;
        for (int w = 0; w < warmups; w++) {
            items = CatalogueExtractionBenchmark.extractAll(extractor, pages);
        }
        System.out.printf("%d pages, %.1f million characters, %d items per round%n", pages.length, chars / 1e6, items);
        for (int r = 0; r < rounds; r++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            items = CatalogueExtractionBenchmark.extractAll(extractor, pages);
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            System.out.printf("round %d: %d pages in %.3f s wall, %.3f s CPU (%d items)%n", r + 1, pages.length,
                    wall / 1e9, cpu / 1e9, items);
        }
    }
}
