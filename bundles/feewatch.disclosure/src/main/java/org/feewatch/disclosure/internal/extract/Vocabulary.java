package org.feewatch.disclosure.internal.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.feewatch.api.Price;
import org.feewatch.api.Repayment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The words disclosure pages use, read from {@code vocabulary.json}: column headers and labels
 * (序号, 服务项目, 收费标准 …) mapped to {@link Role}s, pricing regimes (政府指导价 …), repayment
 * kinds, fee timings and APR labels. Matching compares {@link Texts#key keys}; the longest synonym
 * contained in the text wins, so 优惠价格 is a discount column and not a price column.
 */
final class Vocabulary {

    /** What a column or a label holds. */
    enum Role {
        NUMBER, CATEGORY, ITEM, CONTENT, PRICE, BASIS, DISCOUNT, APPLIES_TO, REMARK, EFFECTIVE,
        /** The unit of a price column's bare figures (计费单位: %/笔, 元/份). */
        UNIT,
        /** What a price depends on (贷款期限, 担保金额, 档次): a tier's condition. */
        CONDITION;

        static Role ofJson(String name) {
            return switch (name) {
                case "number" -> NUMBER;
                case "category" -> CATEGORY;
                case "item" -> ITEM;
                case "content" -> CONTENT;
                case "price" -> PRICE;
                case "basis" -> BASIS;
                case "discount" -> DISCOUNT;
                case "appliesTo" -> APPLIES_TO;
                case "remark" -> REMARK;
                case "effective" -> EFFECTIVE;
                case "unit" -> UNIT;
                case "condition" -> CONDITION;
                default -> throw new IllegalArgumentException("vocabulary.json: unknown column role \"" + name + "\"");
            };
        }
    }

    /** Headers longer than this are text, not column titles. */
    private static final int MAX_HEADER_CHARS = 40;
    /** Labels (the part before 「：」) longer than this are sentences, not labels. */
    private static final int MAX_LABEL_CHARS = 20;

    private record Term<T>(String key, T value) {
    }

    private static final Vocabulary STANDARD = load("vocabulary.json");

    private final List<Term<Role>> columns;
    private final List<String> itemKeys;
    private final Map<Role, List<String>> exactLabels;
    /** Headers that name a role only as the whole header (单位), never inside a longer one. */
    private final Map<String, Role> exactOnly;
    private final List<Term<String>> bases;
    private final List<Term<Repayment>> repayments;
    private final List<Term<Price.Period>> timings;
    private final List<Term<String>> aprLabels;

    private Vocabulary(List<Term<Role>> columns, Map<Role, List<String>> exactLabels, Map<String, Role> exactOnly,
            List<Term<String>> bases, List<Term<Repayment>> repayments, List<Term<Price.Period>> timings,
            List<Term<String>> aprLabels) {
        this.columns = columns;
        this.exactOnly = Map.copyOf(exactOnly);
        this.itemKeys = List.copyOf(exactLabels.getOrDefault(Role.ITEM, List.of()));
        this.exactLabels = exactLabels;
        this.bases = bases;
        this.repayments = repayments;
        this.timings = timings;
        this.aprLabels = aprLabels;
    }

    static Vocabulary standard() {
        return STANDARD;
    }

    static Vocabulary load(String resource) {
        try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            JsonObject root = JsonParser.parseReader(reader).getAsJsonObject();
            List<Term<Role>> columns = new ArrayList<>();
            Map<Role, List<String>> exact = new EnumMap<>(Role.class);
            for (Map.Entry<String, JsonElement> e : root.getAsJsonObject("columns").entrySet()) {
                Role role = Role.ofJson(e.getKey());
                for (JsonElement w : e.getValue().getAsJsonArray()) {
                    columns.add(new Term<>(Texts.key(w.getAsString()), role));
                    exact.computeIfAbsent(role, r -> new ArrayList<>()).add(Texts.key(w.getAsString()));
                }
            }
            Map<String, Role> exactOnly = new java.util.HashMap<>();
            JsonObject exactColumns = root.getAsJsonObject("exactColumns");
            if (exactColumns != null) {
                for (Map.Entry<String, JsonElement> e : exactColumns.entrySet()) {
                    if (e.getValue().isJsonArray()) {
                        for (JsonElement w : e.getValue().getAsJsonArray()) {
                            exactOnly.put(Texts.key(w.getAsString()), Role.ofJson(e.getKey()));
                        }
                    }
                }
            }
            List<Term<String>> bases = terms(root.getAsJsonObject("bases"), s -> s);
            List<Term<Repayment>> repayments = terms(root.getAsJsonObject("repayment"), Repayment::fromWire);
            List<Term<Price.Period>> timings = terms(root.getAsJsonObject("feeTiming"), Vocabulary::period);
            List<Term<String>> aprLabels = terms(root.getAsJsonObject("aprLabels"), s -> s);
            return new Vocabulary(longestFirst(columns), exact, exactOnly, longestFirst(bases), longestFirst(repayments),
                    longestFirst(timings), longestFirst(aprLabels));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Price.Period period(String wire) {
        return switch (wire) {
            case "once" -> Price.Period.ONCE;
            case "per-month" -> Price.Period.PER_MONTH;
            case "per-quarter" -> Price.Period.PER_QUARTER;
            case "per-year" -> Price.Period.PER_YEAR;
            default -> throw new IllegalArgumentException("vocabulary.json: unknown fee timing \"" + wire + "\"");
        };
    }

    private static <T> List<Term<T>> terms(JsonObject group, java.util.function.Function<String, T> value) {
        List<Term<T>> out = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : group.entrySet()) {
            T v = value.apply(e.getKey());
            for (JsonElement w : e.getValue().getAsJsonArray()) {
                out.add(new Term<>(Texts.key(w.getAsString()), v));
            }
        }
        return out;
    }

    private static <T> List<Term<T>> longestFirst(List<Term<T>> terms) {
        List<Term<T>> sorted = new ArrayList<>(terms);
        sorted.sort(Comparator.comparingInt((Term<T> t) -> t.key().length()).reversed());
        return List.copyOf(sorted);
    }

    /** The role of a column header, or null when the header names none (or is too long to be one). */
    Role roleOfHeader(String header) {
        if (header == null || header.isEmpty() || header.length() > MAX_HEADER_CHARS || Texts.isSentence(header)) {
            return null;
        }
        String key = Texts.key(header);
        Role role = longestContained(columns, key);
        return role != null ? role : exactOnly.get(key);
    }

    /** True when a header names the item column (a quicker test than {@link #roleOfHeader}). */
    boolean namesItemColumn(String header) {
        if (header == null || header.isEmpty() || header.length() > MAX_HEADER_CHARS) {
            return false;
        }
        String k = Texts.key(header);
        for (String item : itemKeys) {
            if (k.contains(item)) {
                return roleOfHeader(header) == Role.ITEM;
            }
        }
        return false;
    }

    /** The role of a label such as 收费标准 or "Remark", or null. */
    Role roleOfLabel(String label) {
        Role exact = exactRole(label);
        if (exact != null || label == null || label.isEmpty() || label.length() > MAX_LABEL_CHARS) {
            return exact;
        }
        return longestContained(columns, Texts.key(label));
    }

    /** The role whose vocabulary has exactly this word (收费项目, 收费标准, 备注 …), or null. */
    Role exactRole(String label) {
        if (label == null || label.isEmpty() || label.length() > MAX_LABEL_CHARS) {
            return null;
        }
        String k = Texts.key(label);
        for (Map.Entry<Role, List<String>> e : exactLabels.entrySet()) {
            if (e.getValue().contains(k)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The pricing regime (政府指导价, 政府定价, 市场调节价) a text names, or null. */
    String basisIn(String text) {
        return earliest(bases, text);
    }

    /** The repayment kind a text names first, or null. */
    Repayment repaymentIn(String text) {
        return earliest(repayments, text);
    }

    /** How often a fee text says it is charged, or null. */
    Price.Period timingIn(String text) {
        return earliest(timings, text);
    }

    /** The APR label (单利, 复利, 内部收益率) in a text, or null. */
    String aprLabelIn(String text) {
        return earliest(aprLabels, text);
    }

    private static <T> T longestContained(List<Term<T>> terms, String key) {
        if (key.isEmpty()) {
            return null;
        }
        for (Term<T> t : terms) {
            if (key.contains(t.key())) {
                return t.value();
            }
        }
        return null;
    }

    /** The term occurring first in the text; among terms at the same place, the longest. */
    private static <T> T earliest(List<Term<T>> terms, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String key = Texts.key(text);
        T best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Term<T> t : terms) {
            int at = key.indexOf(t.key());
            if (at >= 0 && at < bestAt) {
                best = t.value();
                bestAt = at;
            }
        }
        return best;
    }
}
