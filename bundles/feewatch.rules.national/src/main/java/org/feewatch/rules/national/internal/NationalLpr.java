package org.feewatch.rules.national.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.feewatch.engine.lpr.LprCsv;
import org.feewatch.engine.lpr.LprFormatException;
import org.feewatch.engine.lpr.LprTable;

/** The built-in LPR table: the cited fixings of {@code lpr/lpr_history.csv}, read once. */
public final class NationalLpr {

    public static final String RESOURCE = "/org/feewatch/rules/national/lpr/lpr_history.csv";

    public static final LprTable BUILT_IN = load();

    private NationalLpr() {
    }

    private static LprTable load() {
        try (InputStream in = NationalLpr.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the LPR data file " + RESOURCE + " is missing from the national pack");
            }
            return LprTable.of(LprCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8), "lpr_history.csv",
                    "NIFC/PBoC (built-in table)"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        } catch (LprFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
