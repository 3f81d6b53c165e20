package org.feewatch.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "feewatch store",
        description = "Where audit runs, partner schedule snapshots, vettings, decisions and the audit trail are kept.")
public @interface StoreConfig {

    String PID = "org.feewatch.store";

    @AttributeDefinition(name = "JDBC URL",
            description = "Empty: an H2 file at <data.dir>/store/feewatch.mv.db. Or jdbc:postgresql://HOST:PORT/DATABASE.")
    String url() default "";

    @AttributeDefinition(name = "Data directory",
            description = "For the default H2 file; a relative path is taken from the installation (feewatch.home).")
    String data_dir() default "work";

    @AttributeDefinition(name = "User", description = "Database user (PostgreSQL).")
    String user() default "";

    @AttributeDefinition(name = "Password", description = "Database password (PostgreSQL).", type = AttributeType.PASSWORD)
    String password() default "";
}
