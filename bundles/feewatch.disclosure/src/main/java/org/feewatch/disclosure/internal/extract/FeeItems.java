package org.feewatch.disclosure.internal.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.feewatch.api.FeeItem;
import org.feewatch.api.Price;
import org.feewatch.api.spi.FeeDictionary;

/**
 * Collects the fee items of one page: parses each price text, looks the category up in the fee
 * dictionary when there is one, bounds the evidence text and stops at the item limit.
 */
final class FeeItems {

    private final String sourceId;
    private final FeeDictionary dictionary;
    private final ExtractionLimits limits;
    private final Function<String, Price> priceParser;
    private final List<FeeItem> items = new ArrayList<>();
    private boolean full;

    FeeItems(String sourceId, FeeDictionary dictionary, ExtractionLimits limits, Function<String, Price> priceParser) {
        this.sourceId = sourceId;
        this.dictionary = dictionary;
        this.limits = limits;
        this.priceParser = priceParser;
    }

    /** Adds an item; false (and nothing added) once the page's item limit is reached. */
    boolean add(String name, String content, String priceText, String basis, String remark, String section,
            String locator, String text) {
        return add(name, content, priceText, parse(priceText), basis, remark, section, locator, text);
    }

    boolean add(String name, String content, String priceText, Price price, String basis, String remark,
            String section, String locator, String text) {
        return add(name, content, priceText, price, basis, remark, section, locator, text, null);
    }

    /**
     * Adds an item whose fee may be named by its column rather than by its name (a 担保产品 | 担保费率
     * table: 科创担保 is a guarantee fee): {@code feeNamed} gives the category when the name gives none.
     */
    boolean add(String name, String content, String priceText, Price price, String basis, String remark,
            String section, String locator, String text, String feeNamed) {
        if (items.size() >= limits.maxItems()) {
            full = true;
            return false;
        }
        FeeItem item = make(name, content, priceText, price, basis, remark, section, locator, text);
        if (item.category() == null && feeNamed != null && dictionary != null) {
            item = new FeeItem(item.sourceId(), item.name(), dictionary.categoryOf(feeNamed), item.content(),
                    item.priceText(), item.price(), item.basis(), item.remark(), item.section(), item.locator(),
                    item.text());
        }
        items.add(item);
        return true;
    }

    /** Replaces the item at {@code index} (an item read before its table's footnotes were). */
    void replace(int index, FeeItem item) {
        items.set(index, item);
    }

    FeeItem make(String name, String content, String priceText, Price price, String basis, String remark,
            String section, String locator, String text) {
        String category = dictionary == null ? null : dictionary.categoryOf(name);
        return new FeeItem(sourceId, name, category, blankToNull(content), blankToNull(priceText), price,
                blankToNull(basis), blankToNull(remark), blankToNull(section), locator,
                Texts.bounded(text, limits.maxEvidenceChars()));
    }

    Price parse(String priceText) {
        Price p = priceParser.apply(priceText == null ? "" : priceText);
        return p != null ? p : Price.unstated(priceText);
    }

    /** True when the fee dictionary knows the name (false without a dictionary). */
    boolean knows(String name) {
        return dictionary != null && dictionary.categoryOf(name) != null;
    }

    /**
     * True once an item was refused for the limit: reading goes on up to the first item over it, so that a
     * page with exactly as many items as the limit is read whole and not said to have more.
     */
    boolean full() {
        return full;
    }

    List<FeeItem> items() {
        return items;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
