package org.feewatch.core.internal;

import java.math.BigDecimal;
import java.time.Duration;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a rule may take to judge the case as a whole before the engine cuts it off and reports
 * it (a plugin's rule that hangs must not hang the audit): the framework or system property
 * {@value #PROPERTY} in seconds, {@value #DEFAULT_SECONDS} s when unset.
 */
final class RuleTimeout {

    static final String PROPERTY = "feewatch.rule.timeout";
    static final int DEFAULT_SECONDS = 60;

    private static final Logger LOG = LoggerFactory.getLogger(RuleTimeout.class);

    private RuleTimeout() {
    }

    static Duration get() {
        Bundle bundle = FrameworkUtil.getBundle(RuleTimeout.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        return parse(context == null ? System.getProperty(PROPERTY) : context.getProperty(PROPERTY));
    }

    static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return Duration.ofSeconds(DEFAULT_SECONDS);
        }
        try {
            BigDecimal seconds = new BigDecimal(value.trim());
            if (seconds.signum() > 0) {
                return Duration.ofMillis(seconds.movePointRight(3).longValue());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        LOG.warn("{} = {} is not a positive number of seconds; {} s applies", PROPERTY, value, DEFAULT_SECONDS);
        return Duration.ofSeconds(DEFAULT_SECONDS);
    }
}
