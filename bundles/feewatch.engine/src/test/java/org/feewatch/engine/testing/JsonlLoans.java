package org.feewatch.engine.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.feewatch.api.Borrower;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.BundledProduct;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.RateTerms;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Loans for tests: a reader of the loans.jsonl format (CASE-FORMAT.md), independent of the product's
 * parser so that tests of the engine and of the rules do not depend on it. Shared through the
 * engine's test jar.
 */
public final class JsonlLoans {

    private JsonlLoans() {
    }

    /** One line of loans.jsonl as a Loan. */
    public static Loan fromJson(String line, String file, long number) {
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        JsonObject b = o.getAsJsonObject("borrower");
        JsonObject r = o.getAsJsonObject("rate");
        List<BundledProduct> bundled = new ArrayList<>();
        if (o.has("bundled")) {
            for (JsonElement e : o.getAsJsonArray("bundled")) {
                JsonObject p = e.getAsJsonObject();
                bundled.add(new BundledProduct(text(p, "kind"), text(p, "name"), dec(p, "premium"),
                        p.get("mandatory").getAsBoolean()));
            }
        }
        List<LoanFee> fees = new ArrayList<>();
        if (o.has("fees")) {
            for (JsonElement e : o.getAsJsonArray("fees")) {
                JsonObject f = e.getAsJsonObject();
                fees.add(new LoanFee(text(f, "payee"), text(f, "item"), dec(f, "amount"),
                        FeeTiming.fromWire(text(f, "when"))));
            }
        }
        RateTerms rate = new RateTerms(RateType.fromWire(text(r, "type")), text(r, "tenor"),
                r.has("spreadBp") ? r.get("spreadBp").getAsInt() : null, dec(r, "nominal"), dec(r, "multiplier"));
        return new Loan(text(o, "id"),
                new Borrower(text(b, "id"), BorrowerType.fromWire(text(b, "type")),
                        b.has("established") ? LocalDate.parse(text(b, "established")) : null),
                text(o, "product"), text(o, "channel"), dec(o, "principal"), LocalDate.parse(text(o, "contractDate")),
                LocalDate.parse(text(o, "maturityDate")), rate, Repayment.fromWire(text(o, "repayment")),
                o.has("onLending") && o.get("onLending").getAsBoolean(), dec(o, "compensatingDeposit"), bundled, fees,
                file, number);
    }

    private static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static BigDecimal dec(JsonObject o, String field) {
        String t = text(o, field);
        return t == null ? null : new BigDecimal(t);
    }
}
