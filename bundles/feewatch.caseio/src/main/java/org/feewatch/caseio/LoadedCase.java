package org.feewatch.caseio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.feewatch.api.CaseInfo;
import org.feewatch.api.InputIssue;
import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Partner;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;

/**
 * A case as read: its folder (for file sources and the loan book), case.json, sources.json,
 * partners.json (empty when absent), benchmarks.json's on-lending averages (empty when absent) and
 * the warnings raised while reading them, and the sources.json entries that could not be used (each
 * a failed source with its reason; they are not in {@code sources}). A case read from a .zip lives in a temporary folder that
 * {@link #close()} deletes.
 */
public record LoadedCase(Path folder, CaseInfo caseInfo, List<SourceRef> sources, List<Partner> partners,
        List<OnLendingAverage> benchmarks, List<InputIssue> warnings, Path temporaryRoot,
        List<SourceStatus> refusedSources) implements AutoCloseable {

    public LoadedCase {
        refusedSources = List.copyOf(refusedSources);
        sources = List.copyOf(sources);
        partners = List.copyOf(partners);
        benchmarks = List.copyOf(benchmarks);
        warnings = List.copyOf(warnings);
    }

    /** A case whose every sources.json entry was usable. */
    public LoadedCase(Path folder, CaseInfo caseInfo, List<SourceRef> sources, List<Partner> partners,
            List<OnLendingAverage> benchmarks, List<InputIssue> warnings, Path temporaryRoot) {
        this(folder, caseInfo, sources, partners, benchmarks, warnings, temporaryRoot, List.of());
    }

    /** True when the case came from a .zip and lives in a temporary folder. */
    public boolean extracted() {
        return temporaryRoot != null;
    }

    @Override
    public void close() throws IOException {
        if (temporaryRoot != null) {
            org.feewatch.caseio.internal.Trees.delete(temporaryRoot);
        }
    }
}
