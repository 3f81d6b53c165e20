package org.feewatch.engine.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/** Reads the data files the catalogue classes parse from class-path resources. */
final class Resources {

    private Resources() {
    }

    /**
     * Parses the UTF-8 resource {@code resource} of {@code anchor}'s class loader.
     *
     * @param what the kind of file, for error messages ("rule catalogue", "region data file")
     * @param parser takes the reader and the resource name
     */
    static <T> T parse(Class<?> anchor, String resource, String what, BiFunction<Reader, String, T> parser) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(what + " " + resource + " is missing from " + anchor.getName());
            }
            return parser.apply(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + resource, e);
        }
    }
}
