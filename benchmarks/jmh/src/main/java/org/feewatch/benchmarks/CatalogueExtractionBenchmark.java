package org.feewatch.benchmarks;

import java.util.concurrent.TimeUnit;

import org.feewatch.api.Disclosure;
import org.feewatch.api.Snapshot;
import org.feewatch.disclosure.internal.extract.ExtractionLimits;
import org.feewatch.disclosure.internal.extract.TableCatalogueExtractor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Extracting 1,000 generated price-catalogue pages ({@link CataloguePages}) with the table extractor: one op = 1,000 pages. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CatalogueExtractionBenchmark {

    public static final int PAGES = 1_000;
    public static final long SEED = 20231127L;

    private Snapshot[] pages;
    private TableCatalogueExtractor extractor;

    @Setup
    public void setUp() {
        pages = CataloguePages.generate(PAGES, SEED);
        extractor = new TableCatalogueExtractor(ExtractionLimits.DEFAULTS, null);
    }

    @Benchmark
    public int extractThousandPages() {
        return extractAll(extractor, pages);
    }

    static int extractAll(TableCatalogueExtractor extractor, Snapshot[] pages) {
        int items = 0;
        for (Snapshot page : pages) {
            Disclosure d = extractor.extract(CataloguePages.SOURCE, page);
            items += d.items().size();
        }
        return items;
    }
}
