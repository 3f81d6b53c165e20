package org.feewatch.disclosure.internal.extract;

import java.util.function.Function;

import org.feewatch.api.Price;
import org.feewatch.engine.price.PriceParser;

/** The price-text parser the extractors use for every price text. */
final class PriceParsing {

    private PriceParsing() {
    }

    static Function<String, Price> parser() {
        return PriceParser::parse;
    }
}
