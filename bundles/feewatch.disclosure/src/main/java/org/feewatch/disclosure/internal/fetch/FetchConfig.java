package org.feewatch.disclosure.internal.fetch;

import org.feewatch.disclosure.internal.pdf.PdfPages;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "feewatch source fetcher",
        description = "How disclosure pages are read: time, size and redirect limits, politeness, and what serve mode may reach.")
public @interface FetchConfig {

    String PID = "org.feewatch.disclosure.fetch";

    @AttributeDefinition(name = "Connect timeout (ms)", min = "1")
    int connect_timeout_ms() default 10_000;

    @AttributeDefinition(name = "Whole-fetch timeout (ms)",
            description = "The most one source may take, redirects and retries included (not counting the per-host delay).", min = "1")
    int fetch_timeout_ms() default 30_000;

    @AttributeDefinition(name = "Body limit (bytes)", description = "A larger body is not read further and the source fails.", min = "1")
    long max_body_bytes() default 10L * 1024 * 1024;

    @AttributeDefinition(name = "Response header limit (bytes)",
            description = "Sum of names and values plus 32 bytes a line, as HTTP/2 counts them. The JVM itself refuses more than 384 KB.", min = "1")
    int max_header_bytes() default 64 * 1024;

    @AttributeDefinition(name = "Most redirects followed", min = "0")
    int max_redirects() default 5;

    @AttributeDefinition(name = "Per-host delay (ms)", description = "Least time between two requests to the same host.", min = "0")
    int host_delay_ms() default 1_000;

    @AttributeDefinition(name = "Retries of a transient failure",
            description = "Connection reset or closed, connect timeout, or a retried status.", min = "0")
    int max_retries() default 2;

    @AttributeDefinition(name = "First retry backoff (ms)", description = "Doubles with each retry.", min = "0")
    int retry_backoff_ms() default 500;

    @AttributeDefinition(name = "Retried HTTP statuses", description = "Comma-separated.")
    String[] retry_statuses() default {"500", "502", "503", "504"};

    @AttributeDefinition(name = "User-Agent", description = "Names feewatch and where site owners can reach whoever runs it.")
    String user_agent() default "feewatch/1.0 (fee disclosure checker; +https://github.com/feewatch/feewatch)";

    @AttributeDefinition(name = "robots.txt product token", description = "The robots.txt user-agent group that applies to feewatch.")
    String robots_token() default "feewatch";

    @AttributeDefinition(name = "robots.txt kept (minutes)",
            description = "A host's robots.txt is read once per audit (case folder) and kept at most this long.", min = "0")
    int robots_cache_minutes() default 60;

    @AttributeDefinition(name = "robots.txt read limit (bytes)", description = "RFC 9309: at least 500 KiB is parsed; the rest is ignored.", min = "1")
    int robots_max_bytes() default 500 * 1024;

    @AttributeDefinition(name = "Accepted content types",
            description = "Comma-separated media types read as pages (application/pdf: text PDFs).")
    String[] accepted_types() default {"text/html", "application/xhtml+xml", PdfPages.MEDIA_TYPE};

    @AttributeDefinition(name = "PDF page limit", description = "A PDF with more pages is not read and the source fails.", min = "1")
    int max_pdf_pages() default PdfPages.DEFAULT_MAX_PAGES;

    @AttributeDefinition(name = "Allowed hosts (serve mode)",
            description = "Comma-separated host names, or *.domain for a domain and its subdomains. Empty: serve mode fetches no URL.")
    String[] allowed_hosts() default {};

    @AttributeDefinition(name = "Private addresses allowed (serve mode)",
            description = "Comma-separated hosts, addresses or CIDR blocks that serve mode may reach although loopback, link-local or private.")
    String[] allowed_private() default {};
}
