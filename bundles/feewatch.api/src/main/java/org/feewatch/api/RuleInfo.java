package org.feewatch.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A rule's catalogue entry: its stable code, Chinese and English titles, the subject types it judges,
 * default severity and action, citations and the period in which it applies. Catalogues are data
 * files read by the engine, the reports, the docs and the UI alike.
 */
public record RuleInfo(String code, String titleZh, String titleEn, String descriptionEn, List<SubjectType> subjects,
        Severity severity, Action action, List<String> citations, LocalDate effectiveFrom, LocalDate effectiveTo) {
    public RuleInfo {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    /** True when the rule applies on {@code date} (bounds inclusive; null means open). */
    public boolean inForceOn(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom)) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
