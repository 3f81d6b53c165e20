package org.feewatch.store.internal;

import java.nio.charset.StandardCharsets;

import org.feewatch.store.Store.TrailEntry;

/**
 * The audit trail's hash chain: a row's hash is the sha256 of its content and the previous row's
 * hash, so changing, removing or inserting any row changes every hash after it. Fields are written
 * length-prefixed so that no two different rows have the same text.
 */
final class HashChain {

    /** The previous hash of the first row. */
    static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    static String hash(long seq, String at, String actor, String action, String subject, String reason,
            String details, String prevHash) {
        StringBuilder b = new StringBuilder();
        field(b, Long.toString(seq));
        field(b, at);
        field(b, actor);
        field(b, action);
        field(b, subject);
        field(b, reason);
        field(b, details);
        field(b, prevHash);
        return Migrations.sha256(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String hash(TrailEntry e) {
        return hash(e.seq(), e.at().toString(), e.actor(), e.action(), e.subject(), e.reason(), e.details(),
                e.prevHash());
    }

    private static void field(StringBuilder b, String value) {
        if (value == null) {
            b.append("-1:;");
        } else {
            b.append(value.length()).append(':').append(value).append(';');
        }
    }
}
