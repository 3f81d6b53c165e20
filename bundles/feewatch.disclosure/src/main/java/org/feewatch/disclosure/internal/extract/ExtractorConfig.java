package org.feewatch.disclosure.internal.extract;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Limits of the page extractors (one configuration shared by all of them). */
@ObjectClassDefinition(name = "feewatch page extraction", description = "Bounds on the work spent extracting one disclosure page")
public @interface ExtractorConfig {

    String PID = "org.feewatch.disclosure.extract";

    @AttributeDefinition(description = "Characters of a page that are parsed; the rest is ignored with a note")
    int maxPageChars() default 3_000_000;

    @AttributeDefinition(description = "Element nesting depth kept by the HTML parser")
    int maxDepth() default 256;

    @AttributeDefinition(description = "Fee items taken from one page")
    int maxItems() default 5_000;

    @AttributeDefinition(description = "Grid cells expanded per table (rows x columns after rowspan/colspan)")
    int maxTableCells() default 200_000;

    @AttributeDefinition(description = "Columns per table")
    int maxColumns() default 64;

    @AttributeDefinition(description = "Largest rowspan/colspan honoured")
    int maxSpan() default 1_000;

    @AttributeDefinition(description = "Characters of an item's text kept as evidence")
    int maxEvidenceChars() default 2_000;
}
