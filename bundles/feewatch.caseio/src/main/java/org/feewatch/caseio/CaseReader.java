package org.feewatch.caseio;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.feewatch.api.CaseInfo;
import org.feewatch.api.InputIssue;
import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Partner;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.PartnerType;
import org.feewatch.api.Policy;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.feewatch.caseio.internal.JsonFiles;
import org.feewatch.caseio.internal.Trees;
import org.feewatch.caseio.internal.ZipCases;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Reads a case folder or a .zip of one (CASE-FORMAT.md). What makes a case unauditable (see "What
 * is required, and what is fatal") is a {@link CaseException} with one line: file, JSON path, what
 * was wrong. Unknown fields, unusable partners.json values, unusable policy values and anything
 * wrong in benchmarks.json are warnings (a policy value takes its default, a benchmark is left out, a
 * partner with an id is kept with a stated assumption); an unusable sources.json entry is a failed
 * source (a warning when it has no id).
 *
 * <p>Plain Java ({@code new CaseReader()}), and a DS component configured under
 * {@code org.feewatch.caseio} for the zip limits.
 */
@Component(service = CaseReader.class, configurationPid = "org.feewatch.caseio")
@Designate(ocd = CaseReader.Config.class)
public class CaseReader {

    @ObjectClassDefinition(name = "feewatch case reading", description = "Limits on .zip cases")
    public @interface Config {
        @AttributeDefinition(description = "A .zip case with more entries is refused")
        int maxZipEntries() default 100_000;

        @AttributeDefinition(description = "A .zip case larger than this once uncompressed (bytes) is refused")
        long maxZipUncompressedBytes() default 1_000_000_000L;

        @AttributeDefinition(description = "Folder for extracted .zip cases; empty: the system's temporary folder")
        String extractTo() default "";
    }

    public static final String CASE_JSON = "case.json";
    public static final String SOURCES_JSON = "sources.json";
    public static final String PARTNERS_JSON = "partners.json";
    public static final String BENCHMARKS_JSON = "benchmarks.json";

    private static final Pattern REGION = Pattern.compile("^CN(-[A-Z]{2})?$");
    private static final Pattern QUARTER = Pattern.compile("^[0-9]{4}Q[1-4]$");
    private static final Pattern DECIMAL = Pattern.compile("^-?[0-9]+(\\.[0-9]+)?$");
    private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    private static final Set<String> INSTITUTION_TYPES = Set.of("large-state", "joint-stock", "city-commercial",
            "rural-commercial", "rural-credit", "village-bank", "foreign", "private", "policy", "direct-bank", "other");

    private final CaseLimits limits;
    private final Path tempParent;

    /** Default limits, extraction into the system's temporary folder. */
    public CaseReader() {
        this(CaseLimits.DEFAULT, null);
    }

    public CaseReader(CaseLimits limits, Path tempParent) {
        this.limits = limits;
        this.tempParent = tempParent;
    }

    @Activate
    public CaseReader(Config config) {
        this(new CaseLimits(config.maxZipEntries(), config.maxZipUncompressedBytes()),
                config.extractTo().isBlank() ? null : Path.of(config.extractTo()));
    }

    /** Reads the case at {@code path}: a folder, or a .zip (extracted to a temporary folder). */
    public LoadedCase read(Path path) throws CaseException {
        String shown = path.toString();
        if (!Files.exists(path)) {
            throw new CaseException(shown + ": no such case folder or .zip");
        }
        if (Files.isDirectory(path)) {
            if (!Files.isReadable(path) || !Files.isExecutable(path)) {
                throw new CaseException(shown + ": the case folder cannot be read (permission denied)");
            }
            return readFolder(path, null);
        }
        if (!Files.isReadable(path)) {
            throw new CaseException(shown + ": cannot be read (permission denied)");
        }
        if (!looksLikeZip(path)) {
            throw new CaseException(shown + ": neither a case folder nor a .zip of one");
        }
        Path temp = tempParent != null ? tempParent : Path.of(System.getProperty("java.io.tmpdir"));
        Path[] extracted = ZipCases.extract(path, shown, temp, limits);
        try {
            if (!Files.exists(extracted[1].resolve(CASE_JSON))) {
                throw new CaseException(CASE_JSON + ": missing (every case needs one; a .zip holds it at its root "
                        + "or in its single top-level folder)");
            }
            return readFolder(extracted[1], extracted[0]);
        } catch (CaseException | RuntimeException e) {
            Trees.deleteQuietly(extracted[0]);
            throw e;
        }
    }

    /** A .zip by name, or by its first bytes (PK), so that a mis-named zip still reads. */
    private static boolean looksLikeZip(Path path) {
        if (path.getFileName() != null && path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            return true;
        }
        try (java.io.InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == 'P' && head[1] == 'K';
        } catch (IOException e) {
            return false;
        }
    }

    private LoadedCase readFolder(Path dir, Path temporaryRoot) throws CaseException {
        List<InputIssue> warnings = new ArrayList<>();
        Path caseJson = dir.resolve(CASE_JSON);
        if (!Files.isRegularFile(caseJson)) {
            throw new CaseException(CASE_JSON + (Files.exists(caseJson) ? ": not a file (a folder or other entry has its name)"
                    : ": missing (every case needs one)"));
        }
        CaseInfo info = caseInfo(JsonFiles.parse(caseJson, CASE_JSON), warnings);
        Path sourcesJson = dir.resolve(SOURCES_JSON);
        if (!Files.isRegularFile(sourcesJson)) {
            throw new CaseException(SOURCES_JSON + (Files.exists(sourcesJson)
                    ? ": not a file (a folder or other entry has its name)"
                    : ": missing (every case needs one; [] when there are no sources)"));
        }
        JsonElement sourcesRoot = JsonFiles.parse(sourcesJson, SOURCES_JSON);
        List<Partner> partners = List.of();
        Path partnersJson = dir.resolve(PARTNERS_JSON);
        if (Files.exists(partnersJson)) {
            partners = partners(JsonFiles.parse(partnersJson, PARTNERS_JSON), warnings);
        }
        List<SourceStatus> refused = new ArrayList<>();
        List<SourceRef> sources = sources(sourcesRoot, info, partners, warnings, refused);
        List<OnLendingAverage> benchmarks = List.of();
        Path benchmarksJson = dir.resolve(BENCHMARKS_JSON);
        if (Files.exists(benchmarksJson)) {
            try {
                benchmarks = benchmarks(JsonFiles.parse(benchmarksJson, BENCHMARKS_JSON), warnings);
            } catch (CaseException e) {
                // benchmarks.json is optional data: a broken one is a warning, not a stop
                warnings.add(InputIssue.of(BENCHMARKS_JSON, e.getMessage().substring(BENCHMARKS_JSON.length() + 2)
                        + "; no benchmarks read"));
            }
        }
        return new LoadedCase(dir, info, sources, partners, benchmarks, warnings, temporaryRoot, refused);
    }

    // ---- case.json ----

    private static CaseInfo caseInfo(JsonElement root, List<InputIssue> warnings) throws CaseException {
        JsonObject o = object(root, CASE_JSON, "$");
        unknown(o, CASE_JSON, "$", Set.of("institution", "region", "asOf", "policy"), warnings);
        if (!o.has("institution")) {
            throw fatal(CASE_JSON, "$.institution", "missing (an object with the audited institution's id)");
        }
        JsonObject inst = object(o.get("institution"), CASE_JSON, "$.institution");
        unknown(inst, CASE_JSON, "$.institution", Set.of("id", "name", "type"), warnings);
        String id = requiredString(inst, "id", CASE_JSON, "$.institution.id");
        String name = optionalString(inst, "name", CASE_JSON, "$.institution.name");
        String type = optionalString(inst, "type", CASE_JSON, "$.institution.type");
        if (type != null && !INSTITUTION_TYPES.contains(type)) {
            warnings.add(InputIssue.of(CASE_JSON, "$.institution.type: \"" + type
                    + "\" is not a known institution type; region data keyed on type will not match"));
        }
        String region = requiredString(o, "region", CASE_JSON, "$.region");
        if (!REGION.matcher(region).matches()) {
            throw fatal(CASE_JSON, "$.region", "\"" + region + "\" is not a region code such as CN or CN-BJ");
        }
        String asOfText = requiredString(o, "asOf", CASE_JSON, "$.asOf");
        LocalDate asOf = date(asOfText, CASE_JSON, "$.asOf");
        Policy policy = Policy.EMPTY;
        if (o.has("policy") && !o.get("policy").isJsonNull()) {
            policy = policy(object(o.get("policy"), CASE_JSON, "$.policy"), warnings);
        }
        return new CaseInfo(id, name, type, region, asOf, policy);
    }

    /** A policy value that is not usable is a warning and its default applies (policy is optional). */
    private static Policy policy(JsonObject p, List<InputIssue> warnings) {
        unknown(p, CASE_JSON, "$.policy",
                Set.of("maxSpreadBp", "maxGuaranteeFeeRate", "maxInsuranceFeeRate", "aprTolerancePp"), warnings);
        Integer spread = null;
        if (p.has("maxSpreadBp") && !p.get("maxSpreadBp").isJsonNull()) {
            try {
                BigDecimal d = decimal(p.get("maxSpreadBp"), CASE_JSON, "$.policy.maxSpreadBp");
                try {
                    spread = d.intValueExact();
                } catch (ArithmeticException e) {
                    throw fatal(CASE_JSON, "$.policy.maxSpreadBp", "must be a whole number of basis points, was "
                            + d.toPlainString());
                }
            } catch (CaseException e) {
                warnings.add(defaulted(e));
            }
        }
        return new Policy(spread, optionalRate(p, "maxGuaranteeFeeRate", warnings),
                optionalRate(p, "maxInsuranceFeeRate", warnings), optionalRate(p, "aprTolerancePp", warnings));
    }

    private static BigDecimal optionalRate(JsonObject p, String field, List<InputIssue> warnings) {
        JsonElement e = p.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        try {
            BigDecimal d = decimal(e, CASE_JSON, "$.policy." + field);
            if (d.signum() < 0) {
                throw fatal(CASE_JSON, "$.policy." + field, "must not be negative, was " + d.toPlainString());
            }
            return d;
        } catch (CaseException x) {
            warnings.add(defaulted(x));
            return null;
        }
    }

    private static InputIssue defaulted(CaseException e) {
        return InputIssue.of(CASE_JSON, e.getMessage().substring(CASE_JSON.length() + 2)
                + "; the default from configuration applies");
    }

    // ---- sources.json ----

    /**
     * sources.json must be an array (else fatal); an entry that cannot be used is a failed source with
     * its reason when it has an id, else a warning, and the audit goes on without it.
     */
    private static List<SourceRef> sources(JsonElement root, CaseInfo info, List<Partner> partners,
            List<InputIssue> warnings, List<SourceStatus> refused) throws CaseException {
        if (!root.isJsonArray()) {
            throw fatal(SOURCES_JSON, "$", "expected an array of sources, found " + kind(root));
        }
        JsonArray array = root.getAsJsonArray();
        List<SourceRef> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<String> owners = new java.util.HashSet<>();
        owners.add(info.institutionId());
        partners.forEach(p -> owners.add(p.id()));
        for (int i = 0; i < array.size(); i++) {
            String at = "$[" + i + "]";
            String id = null;
            try {
                JsonObject s = object(array.get(i), SOURCES_JSON, at);
                unknown(s, SOURCES_JSON, at, Set.of("id", "owner", "kind", "url", "file", "encoding"), warnings);
                id = requiredString(s, "id", SOURCES_JSON, at + ".id");
                Integer first = seen.putIfAbsent(id, i);
                if (first != null) {
                    String repeated = id;
                    id = null; // the id's status belongs to its first entry
                    throw fatal(SOURCES_JSON, at + ".id", "\"" + repeated + "\" is already the id of $[" + first + "]");
                }
                String owner = requiredString(s, "owner", SOURCES_JSON, at + ".owner");
                String kindText = requiredString(s, "kind", SOURCES_JSON, at + ".kind");
                SourceKind kind;
                try {
                    kind = SourceKind.fromWire(kindText);
                } catch (IllegalArgumentException e) {
                    throw fatal(SOURCES_JSON, at + ".kind", "\"" + kindText
                            + "\" is not one of price-catalog, product-page, partner-schedule");
                }
                String url = optionalString(s, "url", SOURCES_JSON, at + ".url");
                String file = optionalString(s, "file", SOURCES_JSON, at + ".file");
                if ((url == null) == (file == null)) {
                    throw fatal(SOURCES_JSON, at, url == null ? "needs a url or a file" : "has both a url and a file; "
                            + "give exactly one");
                }
                if ((url != null && url.isBlank()) || (file != null && file.isBlank())) {
                    throw fatal(SOURCES_JSON, at + (url != null ? ".url" : ".file"), "is empty");
                }
                String encoding = null;
                try {
                    encoding = optionalString(s, "encoding", SOURCES_JSON, at + ".encoding");
                } catch (CaseException e) {
                    warnings.add(InputIssue.of(SOURCES_JSON, e.getMessage().substring(SOURCES_JSON.length() + 2)
                            + "; the encoding is detected instead"));
                }
                if (!owners.contains(owner)) {
                    warnings.add(InputIssue.of(SOURCES_JSON, at + ".owner: \"" + owner + "\" is neither the institution "
                            + info.institutionId() + " nor a partner of " + PARTNERS_JSON));
                }
                out.add(new SourceRef(id, owner, kind, url, file, encoding));
            } catch (CaseException e) {
                String problem = e.getMessage();
                if (id != null) {
                    refused.add(SourceStatus.failed(id, problem + "; the source was not read"));
                } else {
                    warnings.add(InputIssue.of(SOURCES_JSON, problem.substring(SOURCES_JSON.length() + 2)
                            + "; this entry is left out"));
                }
            }
        }
        return out;
    }

    // ---- partners.json (problems are warnings; a partner with an id is always kept) ----

    /** The partner status taken when partners.json gives none that can be used (docs/case-input.md). */
    static final PartnerStatus STATUS_WHEN_UNUSABLE = PartnerStatus.ACTIVE;
    private static final String ALLOWED_STATUSES = "prospective, active";

    /**
     * Every entry with a usable id is a partner and gets a verdict (REPORT.md): a missing or unknown
     * status, type, name or governmentBacked is a warning naming the partner, and the partner is vetted
     * as active (a bank must act on any partner it lists), of type other, unnamed, not government-backed.
     * Only an entry without a usable id, or repeating an earlier id, is left out, with a warning.
     */
    private static List<Partner> partners(JsonElement root, List<InputIssue> warnings) {
        if (!root.isJsonArray()) {
            warnings.add(InputIssue.of(PARTNERS_JSON, "$: expected an array of partners, found " + kind(root)
                    + "; no partners read"));
            return List.of();
        }
        JsonArray array = root.getAsJsonArray();
        List<Partner> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "$[" + i + "]";
            if (array.get(i) == null || !array.get(i).isJsonObject()) {
                warnings.add(InputIssue.of(PARTNERS_JSON, at + ": expected an object, found " + kind(array.get(i))
                        + "; this partner is left out"));
                continue;
            }
            JsonObject p = array.get(i).getAsJsonObject();
            unknown(p, PARTNERS_JSON, at, Set.of("id", "name", "type", "status", "governmentBacked"), warnings);
            String name = null;
            JsonElement n = p.get("name");
            if (n != null && !n.isJsonNull()) {
                if (n.isJsonPrimitive() && n.getAsJsonPrimitive().isString()) {
                    name = n.getAsString();
                } else {
                    warnings.add(InputIssue.of(PARTNERS_JSON, at + ".name: expected a string, found " + kind(n)
                            + "; the name is ignored"));
                }
            }
            String id = partnerId(p.get("id"), at, name, warnings);
            if (id == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(id, i);
            if (first != null) {
                warnings.add(InputIssue.of(PARTNERS_JSON, at + ".id: \"" + id + "\" is already the id of $[" + first
                        + "]; this entry is left out and partner " + id + " is vetted as $[" + first
                        + "] describes it"));
                continue;
            }
            PartnerStatus status = partnerStatus(p.get("status"), at, id, warnings);
            PartnerType type = PartnerType.OTHER;
            JsonElement t = p.get("type");
            if (t == null || t.isJsonNull()) {
                warnings.add(InputIssue.of(PARTNERS_JSON, at + ".type: missing; partner " + id
                        + " is taken as type other"));
            } else if (!t.isJsonPrimitive() || !t.getAsJsonPrimitive().isString()) {
                warnings.add(InputIssue.of(PARTNERS_JSON, at + ".type: expected a string, found " + kind(t)
                        + "; partner " + id + " is taken as type other"));
            } else {
                try {
                    type = PartnerType.fromWire(t.getAsString());
                } catch (IllegalArgumentException e) {
                    warnings.add(InputIssue.of(PARTNERS_JSON, at + ".type: \"" + t.getAsString()
                            + "\" is not a known partner type; partner " + id + " is taken as type other"));
                }
            }
            boolean government = false;
            JsonElement g = p.get("governmentBacked");
            if (g != null && !g.isJsonNull()) {
                if (g.isJsonPrimitive() && g.getAsJsonPrimitive().isBoolean()) {
                    government = g.getAsBoolean();
                } else {
                    warnings.add(InputIssue.of(PARTNERS_JSON, at + ".governmentBacked: expected true or false, "
                            + "found " + kind(g) + "; partner " + id + " is taken as not government-backed"));
                }
            }
            out.add(new Partner(id, name, type, status, government));
        }
        return out;
    }

    /**
     * The entry's id, or null (with a warning) when it has none that sources and loans could refer
     * to. A whole number is taken as its digits, since payees and owners are compared as text.
     */
    private static String partnerId(JsonElement e, String at, String name, List<InputIssue> warnings) {
        String named = name == null || name.isBlank() ? "" : " (" + name + ")";
        String leftOut = "; this partner" + named + " is left out: sources and loans name a partner by its id, "
                + "so it cannot be vetted without one";
        if (e == null || e.isJsonNull()) {
            warnings.add(InputIssue.of(PARTNERS_JSON, at + ".id: missing" + leftOut));
            return null;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() && DECIMAL.matcher(e.getAsString()).matches()
                && !e.getAsString().contains(".") && !e.getAsString().startsWith("-")) {
            String id = e.getAsString();
            warnings.add(InputIssue.of(PARTNERS_JSON, at + ".id: expected a string, found the number " + id
                    + "; taken as the id \"" + id + "\""));
            return id;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            warnings.add(InputIssue.of(PARTNERS_JSON, at + ".id: expected a string, found " + kind(e) + leftOut));
            return null;
        }
        String id = e.getAsString();
        if (id.isBlank()) {
            warnings.add(InputIssue.of(PARTNERS_JSON, at + ".id: is empty" + leftOut));
            return null;
        }
        return id;
    }

    /** The status, or {@link #STATUS_WHEN_UNUSABLE} with a warning naming the partner and the allowed values. */
    private static PartnerStatus partnerStatus(JsonElement e, String at, String id, List<InputIssue> warnings) {
        String problem;
        if (e == null || e.isJsonNull()) {
            problem = "missing";
        } else if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            problem = "expected a string, found " + kind(e);
        } else {
            String text = e.getAsString();
            try {
                return PartnerStatus.fromWire(text);
            } catch (IllegalArgumentException x) {
                String plain = text.strip().toLowerCase(java.util.Locale.ROOT);
                for (PartnerStatus s : PartnerStatus.values()) {
                    if (s.wireName().equals(plain)) {
                        warnings.add(InputIssue.of(PARTNERS_JSON, at + ".status: \"" + text + "\" is taken as "
                                + s.wireName() + " for partner " + id + " (allowed, as written: "
                                + ALLOWED_STATUSES + ")"));
                        return s;
                    }
                }
                problem = "\"" + text + "\" is not a known status";
            }
        }
        warnings.add(InputIssue.of(PARTNERS_JSON, at + ".status: " + problem + " (allowed: "
                + ALLOWED_STATUSES + "); partner " + id + " is vetted as " + STATUS_WHEN_UNUSABLE.wireName()
                + ", since the bank lists it and must act on its findings"));
        return STATUS_WHEN_UNUSABLE;
    }

    // ---- benchmarks.json (problems are warnings) ----

    private static List<OnLendingAverage> benchmarks(JsonElement root, List<InputIssue> warnings) {
        if (!root.isJsonObject()) {
            warnings.add(InputIssue.of(BENCHMARKS_JSON, "$: expected an object, found " + kind(root)
                    + "; no benchmarks read"));
            return List.of();
        }
        JsonObject o = root.getAsJsonObject();
        unknown(o, BENCHMARKS_JSON, "$", Set.of("onLendingAverages"), warnings);
        JsonElement list = o.get("onLendingAverages");
        if (list == null || list.isJsonNull()) {
            return List.of();
        }
        if (!list.isJsonArray()) {
            warnings.add(InputIssue.of(BENCHMARKS_JSON, "$.onLendingAverages: expected an array, found " + kind(list)
                    + "; no benchmarks read"));
            return List.of();
        }
        List<OnLendingAverage> out = new ArrayList<>();
        // region, quarter and institution type → where first given: a second figure for the same key is
        // ambiguous, so it is left out with a warning and the first one is used
        java.util.Map<String, String> firstAt = new java.util.HashMap<>();
        JsonArray a = list.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            String at = "$.onLendingAverages[" + i + "]";
            try {
                JsonObject b = object(a.get(i), BENCHMARKS_JSON, at);
                unknown(b, BENCHMARKS_JSON, at, Set.of("region", "quarter", "institutionType", "rate"), warnings);
                String region = requiredString(b, "region", BENCHMARKS_JSON, at + ".region");
                String quarter = requiredString(b, "quarter", BENCHMARKS_JSON, at + ".quarter");
                if (!QUARTER.matcher(quarter).matches()) {
                    throw fatal(BENCHMARKS_JSON, at + ".quarter", "\"" + quarter + "\" is not a quarter such as 2023Q1");
                }
                String type = requiredString(b, "institutionType", BENCHMARKS_JSON, at + ".institutionType");
                if (!b.has("rate")) {
                    throw fatal(BENCHMARKS_JSON, at + ".rate", "missing");
                }
                BigDecimal rate = decimal(b.get("rate"), BENCHMARKS_JSON, at + ".rate");
                String earlier = firstAt.putIfAbsent(region + "\u0000" + quarter + "\u0000" + type, at);
                if (earlier != null) {
                    throw fatal(BENCHMARKS_JSON, at, "the same region, quarter and institution type as " + earlier
                            + " (" + region + ", " + quarter + ", " + type + "), whose figure is used");
                }
                out.add(new OnLendingAverage(region, quarter, type, rate, BENCHMARKS_JSON));
            } catch (CaseException e) {
                warnings.add(InputIssue.of(BENCHMARKS_JSON, e.getMessage().substring(BENCHMARKS_JSON.length() + 2)
                        + "; this benchmark is left out"));
            }
        }
        return out;
    }

    // ---- helpers ----

    private static CaseException fatal(String file, String path, String what) {
        return new CaseException(file + ": " + path + ": " + what);
    }

    private static JsonObject object(JsonElement e, String file, String path) throws CaseException {
        if (e == null || !e.isJsonObject()) {
            throw fatal(file, path, "expected an object, found " + kind(e));
        }
        return e.getAsJsonObject();
    }

    private static String requiredString(JsonObject o, String field, String file, String path) throws CaseException {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            throw fatal(file, path, "missing (a string is required)");
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw fatal(file, path, "expected a string, found " + kind(e));
        }
        String s = e.getAsString();
        if (s.isBlank()) {
            throw fatal(file, path, "is empty");
        }
        return s;
    }

    private static String optionalString(JsonObject o, String field, String file, String path) throws CaseException {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw fatal(file, path, "expected a string, found " + kind(e));
        }
        return e.getAsString();
    }

    private static LocalDate date(String text, String file, String path) throws CaseException {
        if (!DATE.matcher(text).matches()) {
            throw fatal(file, path, "\"" + text + "\" is not a date in the form YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw fatal(file, path, "\"" + text + "\" is not a valid date");
        }
    }

    /** A plain decimal, as a JSON string or number; exponents, separators, NaN and infinities are refused. */
    private static BigDecimal decimal(JsonElement e, String file, String path) throws CaseException {
        if (e == null || !e.isJsonPrimitive() || e.getAsJsonPrimitive().isBoolean()) {
            throw fatal(file, path, "expected a decimal such as \"1.0\", found " + kind(e));
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        String text = p.isNumber() ? p.getAsNumber().toString() : p.getAsString().trim();
        if (!DECIMAL.matcher(text).matches()) {
            throw fatal(file, path, "\"" + p.getAsString() + "\" is not a plain decimal such as \"1.0\"");
        }
        return new BigDecimal(text);
    }

    private static void unknown(JsonObject o, String file, String path, Set<String> known, List<InputIssue> warnings) {
        for (String key : o.keySet()) {
            if (!known.contains(key)) {
                warnings.add(InputIssue.of(file, path + "." + key + ": unknown field, ignored"));
            }
        }
    }

    private static String kind(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "an array";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean() ? "true" : "false";
        }
        if (p.isNumber()) {
            return "the number " + p.getAsString();
        }
        return "the string \"" + p.getAsString() + "\"";
    }

}
