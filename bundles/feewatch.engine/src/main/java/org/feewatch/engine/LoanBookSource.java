package org.feewatch.engine;

import java.io.IOException;

import org.feewatch.api.spi.LoanBookListener;

/**
 * A case's loan book, ready to be streamed: typically a {@link org.feewatch.api.spi.LoanBookReader}
 * bound to its case folder ({@code l -> reader.read(caseDir, l)}). The engine never opens files
 * itself. Batches must be numbered from 0 in book order without gaps (an empty batch is fine).
 */
@FunctionalInterface
public interface LoanBookSource {

    void read(LoanBookListener listener) throws IOException;
}
