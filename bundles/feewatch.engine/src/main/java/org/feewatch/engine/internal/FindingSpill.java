package org.feewatch.engine.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

import org.feewatch.api.Action;
import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.SubjectType;

/**
 * Loan findings written to disk as the pipeline hands them over (in book order), one compact file
 * per rule code, so that an audit of a huge book keeps none of them in memory. Written by one
 * thread at a time; read back any number of times once {@link #finishWriting()} was called. The
 * files live in a temporary directory that {@link #close()} deletes (and the JVM's exit, should
 * the report never be written).
 */
public final class FindingSpill implements Closeable {

    private final Path dir;
    private final Map<String, DataOutputStream> writers = new TreeMap<>();
    private final Map<String, Path> files = new TreeMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private final int[] bySeverity = new int[Severity.values().length];
    private long total;

    public FindingSpill() {
        try {
            dir = Files.createTempDirectory("feewatch-findings-");
            dir.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for the findings: " + e.getMessage(), e);
        }
    }

    /** Appends one finding to its rule's file. */
    public void write(Finding f) {
        try {
            DataOutputStream out = writers.get(f.rule());
            if (out == null) {
                Path file = dir.resolve(f.rule() + ".bin");
                file.toFile().deleteOnExit();
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
                writers.put(f.rule(), out);
                files.put(f.rule(), file);
            }
            out.writeByte(f.severity().ordinal());
            out.writeByte(f.subject().type().ordinal());
            string(out, f.subject().id());
            string(out, f.title());
            out.writeInt(f.evidence().size());
            for (Evidence e : f.evidence()) {
                string(out, e.source());
                string(out, e.locator());
                string(out, e.text());
                string(out, e.sha256());
            }
            out.writeInt(f.metrics().size());
            for (Map.Entry<String, String> m : f.metrics().entrySet()) {
                string(out, m.getKey());
                string(out, m.getValue());
            }
            out.writeInt(f.citations().size());
            for (String c : f.citations()) {
                string(out, c);
            }
            out.writeByte(f.action() == null ? -1 : f.action().ordinal());
        } catch (IOException e) {
            throw new UncheckedIOException("the findings could not be written to " + dir + ": " + e.getMessage(), e);
        }
        counts.merge(f.rule(), 1, Integer::sum);
        bySeverity[f.severity().ordinal()]++;
        total++;
    }

    /** Closes the files for writing. */
    public void finishWriting() {
        try {
            for (DataOutputStream out : writers.values()) {
                out.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the findings could not be written to " + dir + ": " + e.getMessage(), e);
        } finally {
            writers.clear();
        }
    }

    public long total() {
        return total;
    }

    /** Findings per rule code, by code. */
    public Map<String, Integer> byRule() {
        return new LinkedHashMap<>(counts);
    }

    public int count(Severity s) {
        return bySeverity[s.ordinal()];
    }

    /** The rule codes that have findings, in order. */
    public List<String> rules() {
        return new ArrayList<>(files.keySet());
    }

    /** Every finding of one rule, in the order written. */
    public List<Finding> readAll(String rule) {
        List<Finding> out = new ArrayList<>();
        read(rule).forEachRemaining(out::add);
        return out;
    }

    /** A fresh pass over one rule's findings, in the order written; the file is closed at its end. */
    public Iterator<Finding> read(String rule) {
        Path file = files.get(rule);
        if (file == null) {
            return java.util.Collections.emptyIterator();
        }
        int n = counts.get(rule);
        DataInputStream in;
        try {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("the findings could not be read back from " + file + ": " + e.getMessage(), e);
        }
        return new Iterator<>() {
            private int read;

            @Override
            public boolean hasNext() {
                return read < n;
            }

            @Override
            public Finding next() {
                if (read >= n) {
                    throw new NoSuchElementException();
                }
                try {
                    Finding f = finding(rule, in);
                    if (++read == n) {
                        in.close();
                    }
                    return f;
                } catch (IOException e) {
                    try {
                        in.close();
                    } catch (IOException ignored) {
                        // already failing
                    }
                    throw new UncheckedIOException("the findings could not be read back from " + file + ": "
                            + e.getMessage(), e);
                }
            }
        };
    }

    private static Finding finding(String rule, DataInputStream in) throws IOException {
        Severity severity = Severity.values()[in.readByte()];
        SubjectType type = SubjectType.values()[in.readByte()];
        Subject subject = new Subject(type, string(in));
        String title = string(in);
        int ne = in.readInt();
        List<Evidence> evidence = new ArrayList<>(ne);
        for (int i = 0; i < ne; i++) {
            evidence.add(new Evidence(string(in), string(in), string(in), string(in)));
        }
        int nm = in.readInt();
        Map<String, String> metrics = new LinkedHashMap<>();
        for (int i = 0; i < nm; i++) {
            metrics.put(string(in), string(in));
        }
        int nc = in.readInt();
        List<String> citations = new ArrayList<>(nc);
        for (int i = 0; i < nc; i++) {
            citations.add(string(in));
        }
        int action = in.readByte();
        return new Finding(rule, severity, subject, title, evidence, metrics, citations,
                action < 0 ? null : Action.values()[action]);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        try {
            in.readFully(b);
        } catch (EOFException e) {
            throw new IOException("the spill file ends early", e);
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Deletes the files. */
    @Override
    public void close() {
        finishWriting();
        for (Path f : files.values()) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // deleted at exit
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // deleted at exit
        }
    }
}
