package org.feewatch.disclosure.internal.snapshot;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "feewatch snapshot store",
        description = "Where the bodies read from disclosure sources are kept, by sha256, as evidence.")
public @interface SnapshotStoreConfig {

    String PID = "org.feewatch.disclosure.snapshots";

    @AttributeDefinition(name = "Data directory",
            description = "Snapshots are kept in its snapshots/ folder; a relative path is taken from the working directory.")
    String data_dir() default "work";
}
