package org.feewatch.engine.catalogue;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Policy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A region pack's reference data, read from its dated, cited data file ({@code feewatch.region-data/1},
 * docs/plugins.md): the pack's effective period, policy defaults, named caps and fee-category groups
 * its rules use, fee-item synonyms, allowed fetch hosts and on-lending averages for RATE-005. Every
 * value carries the citations it rests on; figures that are not official are marked
 * {@code illustrative} and keep that mark in the averages' {@code source}.
 */
public final class RegionData {

    /** The data file format this reader understands. */
    public static final String SCHEMA = "feewatch.region-data/1";

    /** A named figure with its unit, citations and the period it applies in. */
    public record Cap(String name, BigDecimal value, String unit, List<String> citations, LocalDate effectiveFrom,
            LocalDate effectiveTo, boolean illustrative) {
        public Cap {
            citations = citations == null ? List.of() : List.copyOf(citations);
        }
    }

    private final String name;
    private final String pack;
    private final String region;
    private final String version;
    private final LocalDate asOf;
    private final LocalDate effectiveFrom;
    private final LocalDate effectiveTo;
    private final Policy policy;
    private final Map<String, Cap> caps;
    private final Map<String, Set<String>> feeGroups;
    private final Map<String, String> synonyms;
    private final List<String> allowedHosts;
    private final List<OnLendingAverage> averages;

    private RegionData(String name, String pack, String region, String version, LocalDate asOf,
            LocalDate effectiveFrom, LocalDate effectiveTo, Policy policy, Map<String, Cap> caps,
            Map<String, Set<String>> feeGroups, Map<String, String> synonyms, List<String> allowedHosts,
            List<OnLendingAverage> averages) {
        this.name = name;
        this.pack = pack;
        this.region = region;
        this.version = version;
        this.asOf = asOf;
        this.effectiveFrom = effectiveFrom;
        this.effectiveTo = effectiveTo;
        this.policy = policy;
        this.caps = Collections.unmodifiableMap(caps);
        this.feeGroups = Collections.unmodifiableMap(feeGroups);
        this.synonyms = Collections.unmodifiableMap(synonyms);
        this.allowedHosts = List.copyOf(allowedHosts);
        this.averages = List.copyOf(averages);
    }

    /** Reads a data file from a class-path resource of {@code anchor}'s class loader. */
    public static RegionData fromResource(Class<?> anchor, String resource) {
        return Resources.parse(anchor, resource, "region data file", RegionData::parse);
    }

    /**
     * Parses a data file; {@code name} is used in error messages and as the averages' source.
     *
     * @throws IllegalArgumentException naming the file and the field that is wrong
     */
    public static RegionData parse(Reader reader, String name) {
        JsonObject root;
        try {
            root = JsonParser.parseReader(reader).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(name + ": not a JSON object: " + e.getMessage(), e);
        }
        String schema = text(root, "schema", name);
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException(name + ": schema is " + schema + ", expected " + SCHEMA);
        }
        String region = text(root, "region", name);
        Policy policy = policy(root.getAsJsonObject("policyDefaults"), name + ": policyDefaults");

        Map<String, Cap> caps = new LinkedHashMap<>();
        JsonObject capsObject = object(root, "caps");
        for (Map.Entry<String, JsonElement> e : capsObject.entrySet()) {
            String where = name + ": caps." + e.getKey();
            JsonObject c = e.getValue().getAsJsonObject();
            caps.put(e.getKey(), new Cap(e.getKey(), decimal(c, "value", where), text(c, "unit", where),
                    citations(c, where), date(c, "effectiveFrom", where), date(c, "effectiveTo", where),
                    bool(c, "illustrative")));
        }

        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : object(root, "feeGroups").entrySet()) {
            String where = name + ": feeGroups." + e.getKey();
            JsonObject g = e.getValue().getAsJsonObject();
            citations(g, where);
            Set<String> categories = new LinkedHashSet<>();
            for (JsonElement c : array(g, "categories", where)) {
                categories.add(c.getAsString());
            }
            groups.put(e.getKey(), Collections.unmodifiableSet(categories));
        }

        Map<String, String> synonyms = new LinkedHashMap<>();
        JsonArray synonymArray = root.has("feeSynonyms") ? root.getAsJsonArray("feeSynonyms") : new JsonArray();
        for (int i = 0; i < synonymArray.size(); i++) {
            String where = name + ": feeSynonyms[" + i + "]";
            JsonObject s = synonymArray.get(i).getAsJsonObject();
            String category = text(s, "category", where);
            citations(s, where);
            for (JsonElement item : array(s, "synonyms", where)) {
                synonyms.put(item.getAsString(), category);
            }
        }

        List<String> hosts = new ArrayList<>();
        JsonArray hostArray = root.has("allowedHosts") ? root.getAsJsonArray("allowedHosts") : new JsonArray();
        for (int i = 0; i < hostArray.size(); i++) {
            hosts.add(text(hostArray.get(i).getAsJsonObject(), "host", name + ": allowedHosts[" + i + "]"));
        }

        List<OnLendingAverage> averages = new ArrayList<>();
        if (root.has("onLendingAverages")) {
            JsonObject ola = root.getAsJsonObject("onLendingAverages");
            String where = name + ": onLendingAverages";
            citations(ola, where);
            boolean illustrative = bool(ola, "illustrative");
            String source = name + (illustrative ? " (ILLUSTRATIVE figures, not official statistics)" : "");
            JsonArray rows = array(ola, "rows", where);
            for (int i = 0; i < rows.size(); i++) {
                String rw = where + ".rows[" + i + "]";
                JsonObject r = rows.get(i).getAsJsonObject();
                String quarter = text(r, "quarter", rw);
                if (!quarter.matches("\\d{4}Q[1-4]")) {
                    throw new IllegalArgumentException(rw + ": quarter " + quarter + " is not of the form 2023Q1");
                }
                averages.add(new OnLendingAverage(region, quarter, text(r, "institutionType", rw),
                        decimal(r, "rate", rw), source));
            }
        }
        return new RegionData(name, text(root, "pack", name), region, text(root, "version", name),
                date(root, "asOf", name), date(root, "effectiveFrom", name), date(root, "effectiveTo", name), policy,
                caps, groups, synonyms, hosts, averages);
    }

    private static Policy policy(JsonObject p, String where) {
        if (p == null) {
            return Policy.EMPTY;
        }
        Integer spread = null;
        BigDecimal guarantee = null;
        BigDecimal insurance = null;
        BigDecimal tolerance = null;
        for (Map.Entry<String, JsonElement> e : p.entrySet()) {
            String w = where + "." + e.getKey();
            JsonObject v = e.getValue().getAsJsonObject();
            citations(v, w);
            BigDecimal value = decimal(v, "value", w);
            switch (e.getKey()) {
                case "maxSpreadBp" -> spread = value.intValueExact();
                case "maxGuaranteeFeeRate" -> guarantee = value;
                case "maxInsuranceFeeRate" -> insurance = value;
                case "aprTolerancePp" -> tolerance = value;
                default -> throw new IllegalArgumentException(w + ": unknown policy field (maxSpreadBp, "
                        + "maxGuaranteeFeeRate, maxInsuranceFeeRate or aprTolerancePp)");
            }
        }
        return new Policy(spread, guarantee, insurance, tolerance);
    }

    private static List<String> citations(JsonObject o, String where) {
        JsonArray a = array(o, "citations", where);
        if (a.isEmpty()) {
            throw new IllegalArgumentException(where + ": citations is empty: every figure needs its source");
        }
        List<String> out = new ArrayList<>();
        a.forEach(c -> out.add(c.getAsString()));
        return out;
    }

    private static JsonObject object(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? new JsonObject() : e.getAsJsonObject();
    }

    private static JsonArray array(JsonObject o, String field, String where) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException(where + ": field " + field + " is missing or not a list");
        }
        return e.getAsJsonArray();
    }

    private static String text(JsonObject o, String field, String where) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException(where + ": field " + field + " is missing");
        }
        return e.getAsString();
    }

    private static BigDecimal decimal(JsonObject o, String field, String where) {
        String t = text(o, field, where);
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": field " + field + " is \"" + t + "\", not a number");
        }
    }

    private static LocalDate date(JsonObject o, String field, String where) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        try {
            return LocalDate.parse(e.getAsString());
        } catch (java.time.format.DateTimeParseException ex) {
            throw new IllegalArgumentException(where + ": field " + field + " is \"" + e.getAsString()
                    + "\", not a date YYYY-MM-DD");
        }
    }

    private static boolean bool(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e != null && !e.isJsonNull() && e.getAsBoolean();
    }

    /** The cap called {@code name}; throws naming the file when it lacks it. */
    public Cap cap(String capName) {
        Cap c = caps.get(capName);
        if (c == null) {
            throw new IllegalArgumentException(name + ": caps." + capName + " is missing");
        }
        return c;
    }

    /** The fee categories of group {@code group}; throws naming the file when it lacks it. */
    public Set<String> feeGroup(String group) {
        Set<String> g = feeGroups.get(group);
        if (g == null) {
            throw new IllegalArgumentException(name + ": feeGroups." + group + " is missing");
        }
        return g;
    }

    public String pack() {
        return pack;
    }

    public String region() {
        return region;
    }

    public String version() {
        return version;
    }

    /** The day the data was compiled. */
    public LocalDate asOf() {
        return asOf;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public LocalDate effectiveTo() {
        return effectiveTo;
    }

    public Policy policyDefaults() {
        return policy;
    }

    public Map<String, String> feeSynonyms() {
        return synonyms;
    }

    public List<String> allowedHosts() {
        return allowedHosts;
    }

    public List<OnLendingAverage> onLendingAverages() {
        return averages;
    }
}
