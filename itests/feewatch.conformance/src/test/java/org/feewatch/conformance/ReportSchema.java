package org.feewatch.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/** The shared report.schema.json as a validator (format assertions on), when the shared folder is here. */
final class ReportSchema {

    private static Schema schema;

    private ReportSchema() {
    }

    /** The validation errors of a JSON report as "path: message"; empty when valid or when there is no shared schema. */
    static synchronized List<String> errors(Path json) throws IOException {
        if (schema == null) {
            Path shared = Shared.folder().orElse(null);
            if (shared == null) {
                return List.of();
            }
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemaRegistryConfig(new SchemaRegistryConfig.Builder().formatAssertionsEnabled(true)
                            // the schema's $id "feewatch.report/1" is a name, not a URI
                            .schemaIdValidator((id, root, location, resolved, context) -> true).build()))
                    .getSchema(Files.readString(shared.resolve("spec/report.schema.json")), InputFormat.JSON);
        }
        return schema.validate(Files.readString(json), InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }
}
