package org.feewatch.core;

import org.feewatch.api.RuleInfo;

/** A rule of a registered rule pack: the pack's id, version and region, and the rule's catalogue entry. */
public record LoadedRule(String pack, String packVersion, String region, RuleInfo info) {
}
