package org.feewatch.disclosure.internal.extract;

import java.util.regex.Pattern;

import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * Pages whose content a script writes in the browser (a table filled from JSON, a single-page app).
 * Scripts are not run: what such a page shows is not in the page as served, so it cannot be read,
 * and the extraction says so instead of reporting an empty page as one that publishes nothing.
 */
final class ScriptPages {

    /** Letters or digits below which a page has no text of its own. */
    private static final int MIN_OWN_TEXT = 10;
    /** Script text that looks like fee data: a price, a fee, a rate. */
    private static final Pattern FEE_DATA = Pattern.compile("收费|费率|利率|价格|手续费|[\\u4e00-\\u9fa5]费[\"'\\s,:：]|(?i:fee|price|rate)\"?\\s*:");
    /** Script text examined at most, per script. */
    private static final int MAX_SCRIPT_CHARS = 200_000;

    static final String CATALOGUE_NOTE = "no fee items were found in the page as served: its fee table is filled in by a "
            + "script, and scripts are not run (a catalogue must be published in the page's HTML, or as a PDF, to be read)";
    static final String PRODUCT_NOTE = "the page as served shows nothing of the product: its content is written by a "
            + "script, and scripts are not run (the product's rate and terms must be in the page's HTML to be read)";

    private ScriptPages() {
    }

    /** True when the page has scripts and, outside them, (almost) no text: a browser would show what the scripts write. */
    static boolean hasNoOwnText(Document doc) {
        if (doc.getElementsByTag("script").isEmpty()) {
            return false;
        }
        int[] letters = {0};
        Element body = doc.body();
        if (body == null) {
            return true;
        }
        body.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && CatalogueReader.SKIPPED_TAGS.contains(e.normalName())) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (node instanceof TextNode t) {
                    String s = t.getWholeText();
                    for (int i = 0; i < s.length(); i++) {
                        if (Character.isLetterOrDigit(s.charAt(i))) {
                            letters[0]++;
                        }
                    }
                }
                return letters[0] >= MIN_OWN_TEXT ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        });
        return letters[0] < MIN_OWN_TEXT;
    }

    /** True when an inline script of the page holds what looks like fee data (names, prices, rates). */
    static boolean scriptHoldsFeeData(Document doc) {
        for (Element script : doc.getElementsByTag("script")) {
            for (DataNode data : script.dataNodes()) {
                String s = data.getWholeData();
                if (s.length() > MAX_SCRIPT_CHARS) {
                    s = s.substring(0, MAX_SCRIPT_CHARS);
                }
                if (FEE_DATA.matcher(s).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}
