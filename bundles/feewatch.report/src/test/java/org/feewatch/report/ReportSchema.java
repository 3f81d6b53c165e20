package org.feewatch.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/** report.schema.json (the module's copy) as a validator, with format assertions on. */
final class ReportSchema {

    private static final Schema SCHEMA = load();

    private ReportSchema() {
    }

    static String text() {
        try (InputStream in = ReportSchema.class.getResourceAsStream("/report.schema.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("report.schema.json is missing from the test resources", e);
        }
    }

    private static Schema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(new SchemaRegistryConfig.Builder().formatAssertionsEnabled(true)
                        // the schema's $id "feewatch.report/1" is a name, not a URI
                        .schemaIdValidator((id, root, location, resolved, context) -> true).build()));
        return registry.getSchema(text(), InputFormat.JSON);
    }

    /** The validation errors of a JSON document, as "path: message" lines; empty when valid. */
    static List<String> errors(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** The shared copy of the schema, when the shared folder is beside the repository or at /work/shared. */
    static Optional<Path> sharedSchema() {
        Path env = System.getenv("FEEWATCH_SHARED") == null ? null : Path.of(System.getenv("FEEWATCH_SHARED"));
        for (Path candidate : new Path[] {env, Path.of("/work/shared")}) {
            if (candidate != null && Files.isRegularFile(candidate.resolve("spec/report.schema.json"))) {
                return Optional.of(candidate.resolve("spec/report.schema.json"));
            }
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolve("shared/spec/report.schema.json");
            if (Files.isRegularFile(s)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
