package org.feewatch.rules.national.internal.lpr;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.feewatch.api.LprFixing;
import org.feewatch.engine.lpr.LprCsv;
import org.feewatch.engine.lpr.LprFormatException;
import org.feewatch.engine.lpr.LprImport;
import org.feewatch.engine.lpr.LprTable;
import org.feewatch.engine.lpr.NifcLprResponse;

/**
 * Imports LPR fixings into a work folder and reads them back. Each import leaves, in the folder:
 * the input as it was received ({@code nifc-<time>.json} for a download, {@code source-<time>-<name>}
 * for a file), the fixings it held in the cited CSV format ({@code imported-<time>.csv}, with the
 * origin and time in its header comment), and a line in {@code import.log}. The table in force is
 * the built-in one merged with every {@code imported-*.csv}, oldest import first, so a later import
 * wins for a date.
 */
public final class LprImporter {

    /** Reads an official download; the component uses java.net.http, tests a recorded response. */
    @FunctionalInterface
    public interface Download {
        String get(String url) throws IOException;
    }

    static final String LOG = "import.log";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path folder;
    private final Clock clock;
    private final Download download;

    public LprImporter(Path folder, Clock clock, Download download) {
        this.folder = folder;
        this.clock = clock;
        this.download = download;
    }

    public Path folder() {
        return folder;
    }

    /** Every fixing of earlier imports, oldest import first; an unreadable record is skipped and reported. */
    public List<LprFixing> imported(List<String> problems) {
        List<LprFixing> all = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return all;
        }
        TreeMap<String, Path> records = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "imported-*.csv")) {
            for (Path f : files) {
                records.put(f.getFileName().toString(), f);
            }
        } catch (IOException e) {
            problems.add(folder + ": cannot list imported LPR records: " + e.getMessage());
            return all;
        }
        for (Map.Entry<String, Path> e : records.entrySet()) {
            try {
                all.addAll(LprCsv.read(new StringReader(Files.readString(e.getValue(), StandardCharsets.UTF_8)),
                        e.getValue().toString(), "import " + e.getKey()));
            } catch (IOException | LprFormatException ex) {
                problems.add(ex.getMessage());
            }
        }
        return all;
    }

    /** Imports a local file: the NIFC JSON download or the cited CSV format. */
    public LprImport importFile(Path file, LprTable current) throws IOException, LprFormatException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Instant now = clock.instant();
        String origin = file.toAbsolutePath().toString();
        List<LprFixing> fixings;
        if (text.stripLeading().startsWith("{")) {
            fixings = NifcLprResponse.parse(text, origin, "NIFC download, imported from " + file.getFileName() + " on "
                    + LocalDate.ofInstant(now, ZoneOffset.UTC)).fixings();
        } else {
            fixings = LprCsv.read(new StringReader(text), origin, "imported from " + file.getFileName() + " on "
                    + LocalDate.ofInstant(now, ZoneOffset.UTC));
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("source-" + STAMP.format(now) + "-" + safeName(file)), text,
                StandardCharsets.UTF_8);
        return record(origin, fixings, current, now);
    }

    /** Fetches the NIFC download for a date range and imports it. */
    public LprImport importOfficial(LocalDate from, LocalDate to, LprTable current)
            throws IOException, LprFormatException {
        if (to.isBefore(from)) {
            throw new LprFormatException("the date range " + from + " to " + to + " is empty");
        }
        String url = NifcLprResponse.url(from, to);
        Files.createDirectories(folder);
        String body;
        try {
            body = download.get(url);
        } catch (IOException e) {
            log(clock.instant(), "Import failed, nothing changed: " + e.getMessage());
            throw e;
        }
        Instant now = clock.instant();
        Files.writeString(folder.resolve("nifc-" + STAMP.format(now) + ".json"), body, StandardCharsets.UTF_8);
        try {
            List<LprFixing> fixings = NifcLprResponse.parse(body, url,
                    "NIFC (全国银行间同业拆借中心) LprChrtCSV download of " + LocalDate.ofInstant(now, ZoneOffset.UTC))
                    .fixings();
            return record(url, fixings, current, now);
        } catch (LprFormatException e) {
            log(now, "Import failed, nothing changed: " + e.getMessage());
            throw e;
        }
    }

    private LprImport record(String origin, List<LprFixing> fixings, LprTable current, Instant now)
            throws IOException, LprFormatException {
        if (fixings.isEmpty()) {
            throw new LprFormatException(origin + ": no LPR fixings of the reformed series (from "
                    + NifcLprResponse.REFORMED_SERIES_START + ") in it");
        }
        int added = 0;
        List<String> changed = new ArrayList<>();
        for (LprFixing f : fixings) {
            LprFixing known = current.fixings().stream().filter(k -> k.date().equals(f.date())).findFirst().orElse(null);
            if (known == null) {
                added++;
            } else if (known.oneYear().compareTo(f.oneYear()) != 0 || known.fiveYear().compareTo(f.fiveYear()) != 0) {
                changed.add(f.date() + " was " + known.oneYear().toPlainString() + "/" + known.fiveYear().toPlainString()
                        + ", now " + f.oneYear().toPlainString() + "/" + f.fiveYear().toPlainString());
            }
        }
        String name = "imported-" + STAMP.format(now) + ".csv";
        Files.writeString(folder.resolve(name), LprCsv.write(fixings, List.of(
                "LPR fixings imported " + now + " from " + origin,
                "Publisher: National Interbank Funding Center (全国银行间同业拆借中心), authorised by the PBoC")),
                StandardCharsets.UTF_8);
        LprTable merged = current.mergedWith(fixings);
        LprImport result = new LprImport(origin, fixings.size(), added, changed, merged.latest(),
                folder.resolve(name).toString());
        log(now, result.summary());
        return result;
    }

    private void log(Instant now, String line) throws IOException {
        Files.writeString(folder.resolve(LOG), now + " " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String safeName(Path file) {
        String name = file.getFileName() == null ? "input" : file.getFileName().toString();
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
