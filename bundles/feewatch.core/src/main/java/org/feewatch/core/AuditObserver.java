package org.feewatch.core;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every audit the audit service finishes (command line, web, monitor), after the report
 * is made; register one as a service (the store records runs this way). An observer that fails is
 * logged and never fails the audit.
 */
@ConsumerType
public interface AuditObserver {

    void audited(AuditRequest request, AuditResult result);
}
