package org.feewatch.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "feewatch partner monitor",
        description = "Continuous evaluation of active partners: re-reads a case's fee schedules at an interval, "
                + "compares them with the previous readings, re-vets the partners and records what changed.")
public @interface MonitorConfig {

    String PID = "org.feewatch.monitor";

    @AttributeDefinition(name = "Enabled", description = "Run the monitor while feewatch runs (serve).")
    boolean enabled() default false;

    @AttributeDefinition(name = "Case", description = "The case folder (or .zip) whose partners are monitored; "
            + "a relative path is taken from the installation (feewatch.home).")
    String case_path() default "";

    @AttributeDefinition(name = "Interval (minutes)", description = "Time between two passes; the first pass "
            + "comes one interval after start.")
    long interval_minutes() default 1440;
}
