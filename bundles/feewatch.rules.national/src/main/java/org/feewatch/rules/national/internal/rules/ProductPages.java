package org.feewatch.rules.national.internal.rules;

import java.util.ArrayList;
import java.util.List;

import org.feewatch.api.Disclosure;
import org.feewatch.api.Evidence;
import org.feewatch.api.ProductTerms;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.spi.AuditContext;

/** The loan product pages of a case that were read, with what they state. */
final class ProductPages {

    record Page(Disclosure disclosure, ProductTerms terms) {
        String sourceId() {
            return terms != null && terms.sourceId() != null ? terms.sourceId() : disclosure.source().id();
        }

        String sha256() {
            return disclosure.snapshot() == null ? null : disclosure.snapshot().sha256();
        }

        /** Evidence pointing at the product block with the given text. */
        Evidence evidence(String text) {
            return new Evidence(sourceId(), terms != null && terms.locator() != null ? terms.locator() : "body", text,
                    sha256());
        }

        String label() {
            return terms != null && terms.name() != null ? terms.name() + " (" + sourceId() + ")" : sourceId();
        }
    }

    private ProductPages() {
    }

    /** Every product page that was read: the extracted terms, or null terms when none could be extracted. */
    static List<Page> of(AuditContext context) {
        List<Page> pages = new ArrayList<>();
        for (Disclosure d : context.disclosures()) {
            if (d.source() == null || d.source().kind() != SourceKind.PRODUCT_PAGE || !isRead(context, d.source().id())) {
                continue;
            }
            pages.add(new Page(d, d.product()));
        }
        return pages;
    }

    private static boolean isRead(AuditContext context, String sourceId) {
        for (SourceStatus s : context.sourceStatuses()) {
            if (s.id().equals(sourceId)) {
                return s.ok();
            }
        }
        return true;
    }
}
