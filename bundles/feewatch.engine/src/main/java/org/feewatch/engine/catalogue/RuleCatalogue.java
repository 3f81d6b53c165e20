package org.feewatch.engine.catalogue;

import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.feewatch.api.Action;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.api.SubjectType;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A rule catalogue read from its JSON data file ({@code feewatch.rule-catalogue/1}): the one place
 * where a rule's code, titles, severity, action, citations and effective dates are written.
 */
public final class RuleCatalogue {

    private final String pack;
    private final String region;
    private final String version;
    private final Map<String, RuleInfo> rules;

    private RuleCatalogue(String pack, String region, String version, Map<String, RuleInfo> rules) {
        this.pack = pack;
        this.region = region;
        this.version = version;
        this.rules = rules;
    }

    /** Reads a catalogue from a class-path resource of {@code anchor}'s class loader. */
    public static RuleCatalogue fromResource(Class<?> anchor, String resource) {
        return Resources.parse(anchor, resource, "rule catalogue", RuleCatalogue::parse);
    }

    /** Parses a catalogue; {@code name} is used in error messages. */
    public static RuleCatalogue parse(Reader reader, String name) {
        JsonObject root = JsonParser.parseReader(reader).getAsJsonObject();
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        JsonArray array = root.getAsJsonArray("rules");
        for (int i = 0; i < array.size(); i++) {
            JsonObject r = array.get(i).getAsJsonObject();
            String where = name + ": rules[" + i + "]";
            String code = text(r, "code", where);
            List<SubjectType> subjects = new ArrayList<>();
            for (JsonElement s : r.getAsJsonArray("subjects")) {
                subjects.add(SubjectType.fromWire(s.getAsString()));
            }
            List<String> citations = new ArrayList<>();
            for (JsonElement c : r.getAsJsonArray("citations")) {
                citations.add(c.getAsString());
            }
            RuleInfo info = new RuleInfo(code, text(r, "titleZh", where), text(r, "titleEn", where),
                    r.has("descriptionEn") ? r.get("descriptionEn").getAsString() : null, subjects,
                    Severity.fromWire(text(r, "severity", where)), Action.fromWire(text(r, "action", where)), citations,
                    date(r, "effectiveFrom"), date(r, "effectiveTo"));
            if (rules.put(code, info) != null) {
                throw new IllegalArgumentException(where + ": rule code " + code + " appears twice");
            }
        }
        return new RuleCatalogue(text(root, "pack", name), text(root, "region", name), text(root, "version", name),
                rules);
    }

    private static String text(JsonObject o, String field, String where) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException(where + ": field " + field + " is missing");
        }
        return e.getAsString();
    }

    private static LocalDate date(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? null : LocalDate.parse(e.getAsString());
    }

    /** The entry of a rule; throws naming the code when the catalogue lacks it. */
    public RuleInfo get(String code) {
        RuleInfo info = rules.get(code);
        if (info == null) {
            throw new IllegalArgumentException("rule " + code + " is not in the " + pack + " catalogue");
        }
        return info;
    }

    public Collection<RuleInfo> all() {
        return rules.values();
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
}
