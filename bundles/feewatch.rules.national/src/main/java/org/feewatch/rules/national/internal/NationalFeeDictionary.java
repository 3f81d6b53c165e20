package org.feewatch.rules.national.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The national fee dictionary, read from {@code fee-dictionary.json}: canonical fee categories with
 * the item names that mean them, which of them may not be charged to small and micro borrowers
 * (FEE-001) and which are costs the bank must bear (FEE-002), each with its legal source and the date
 * from which it applies.
 */
public final class NationalFeeDictionary {

    public static final String RESOURCE = "/org/feewatch/rules/national/fee-dictionary.json";

    /** The dictionary shipped with the pack, read once. */
    public static final NationalFeeDictionary DEFAULT = fromResource(NationalFeeDictionary.class, RESOURCE);

    /** A legal restriction on a category: who says so, and from when. */
    public record Restriction(List<String> citations, LocalDate effectiveFrom) {
        public Restriction {
            citations = List.copyOf(citations);
        }

        /** True when the restriction applies on {@code date} (null date: always). */
        public boolean inForceOn(LocalDate date) {
            return date == null || effectiveFrom == null || !date.isBefore(effectiveFrom);
        }
    }

    /** One canonical category. */
    public record Category(String id, String nameZh, String nameEn, List<String> synonyms,
            Restriction prohibitedForSmallMicro, Restriction bankBorne) {
        public Category {
            synonyms = List.copyOf(synonyms);
        }
    }

    private final Map<String, Category> categories;
    private final Map<String, String> synonyms;

    private NationalFeeDictionary(Map<String, Category> categories) {
        this.categories = Collections.unmodifiableMap(categories);
        Map<String, String> map = new LinkedHashMap<>();
        categories.values().forEach(c -> c.synonyms().forEach(s -> map.put(s, c.id())));
        this.synonyms = Collections.unmodifiableMap(map);
    }

    public static NationalFeeDictionary fromResource(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("fee dictionary " + resource + " is missing from " + anchor.getName());
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fee dictionary " + resource, e);
        }
    }

    /** Parses a dictionary; errors name {@code name} and the category or field at fault. */
    public static NationalFeeDictionary parse(Reader reader, String name) {
        JsonObject root;
        try {
            root = JsonParser.parseReader(reader).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(name + ": not a JSON object: " + e.getMessage());
        }
        JsonArray array = root.getAsJsonArray("categories");
        if (array == null) {
            throw new IllegalArgumentException(name + ": no \"categories\" array");
        }
        Map<String, Category> categories = new LinkedHashMap<>();
        Map<String, String> owners = new LinkedHashMap<>();
        int index = 0;
        for (JsonElement e : array) {
            String where = name + ": categories[" + index++ + "]";
            JsonObject o = e.getAsJsonObject();
            String id = text(o, "id", where);
            where = name + ": category " + id;
            if (categories.containsKey(id)) {
                throw new IllegalArgumentException(where + " is defined twice");
            }
            List<String> synonyms = new ArrayList<>();
            JsonArray syn = o.getAsJsonArray("synonyms");
            if (syn == null || syn.isEmpty()) {
                throw new IllegalArgumentException(where + " has no synonyms");
            }
            for (JsonElement s : syn) {
                String synonym = s.getAsString().strip();
                String other = owners.putIfAbsent(synonym, id);
                if (other != null && !other.equals(id)) {
                    throw new IllegalArgumentException(where + ": synonym " + synonym + " already means " + other);
                }
                synonyms.add(synonym);
            }
            categories.put(id, new Category(id, optText(o, "nameZh"), optText(o, "nameEn"), synonyms,
                    restriction(o, "prohibitedForSmallMicro", where), restriction(o, "bankBorne", where)));
        }
        return new NationalFeeDictionary(categories);
    }

    private static Restriction restriction(JsonObject o, String field, String where) {
        if (!o.has(field) || o.get(field).isJsonNull()) {
            return null;
        }
        JsonObject r = o.getAsJsonObject(field);
        List<String> citations = new ArrayList<>();
        JsonArray c = r.getAsJsonArray("citations");
        if (c == null || c.isEmpty()) {
            throw new IllegalArgumentException(where + ": " + field + " has no citations");
        }
        c.forEach(x -> citations.add(x.getAsString()));
        LocalDate from = null;
        String date = optText(r, "effectiveFrom");
        if (date != null) {
            try {
                from = LocalDate.parse(date);
            } catch (DateTimeParseException ex) {
                throw new IllegalArgumentException(where + ": " + field + ".effectiveFrom is not a date (YYYY-MM-DD): " + date);
            }
        }
        return new Restriction(citations, from);
    }

    private static String text(JsonObject o, String field, String where) {
        String v = optText(o, field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(where + " has no \"" + field + "\"");
        }
        return v;
    }

    private static String optText(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** Item name as written → canonical category. */
    public Map<String, String> synonyms() {
        return synonyms;
    }

    public Map<String, Category> categories() {
        return categories;
    }

    public Optional<Category> category(String id) {
        return Optional.ofNullable(id == null ? null : categories.get(id));
    }

    public Set<String> prohibitedForSmallMicro() {
        Set<String> out = new LinkedHashSet<>();
        categories.values().stream().filter(c -> c.prohibitedForSmallMicro() != null).forEach(c -> out.add(c.id()));
        return Collections.unmodifiableSet(out);
    }

    public Set<String> bankBorneCosts() {
        Set<String> out = new LinkedHashSet<>();
        categories.values().stream().filter(c -> c.bankBorne() != null).forEach(c -> out.add(c.id()));
        return Collections.unmodifiableSet(out);
    }

    /** The FEE-001 restriction on a category, or empty when it is not restricted. */
    public Optional<Restriction> prohibition(String categoryId) {
        return category(categoryId).map(Category::prohibitedForSmallMicro);
    }

    /** The FEE-002 restriction on a category, or empty when the borrower may bear it. */
    public Optional<Restriction> bankBorne(String categoryId) {
        return category(categoryId).map(Category::bankBorne);
    }
}
