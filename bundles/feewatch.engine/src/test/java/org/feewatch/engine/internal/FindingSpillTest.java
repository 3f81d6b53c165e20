package org.feewatch.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.feewatch.api.Action;
import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.FindingRenderer;
import org.junit.jupiter.api.Test;

class FindingSpillTest {

    private static Finding finding(String rule, int i) {
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("apr", i + ".5");
        metrics.put("名称", "服务费");
        String longText = i % 1000 == 0 ? "长".repeat(70_000) : "贷款 L" + i + " 的费用";
        return new Finding(rule, i % 2 == 0 ? Severity.HIGH : Severity.MEDIUM, Subject.loan("L" + i), "title " + i,
                List.of(new Evidence("loans.jsonl", i % 3 == 0 ? null : "line " + i, longText,
                        i % 5 == 0 ? "ab".repeat(32) : null)),
                metrics, List.of("银保监办发〔2023〕42号 第三条", "c" + (i % 7)), i % 4 == 0 ? null : Action.REFUND);
    }

    @Test
    void findingsComeBackAsWrittenRuleByRuleInTheOrderWrittenAsOftenAsAsked() {
        List<Finding> a = new ArrayList<>();
        List<Finding> b = new ArrayList<>();
        try (FindingSpill spill = new FindingSpill()) {
            for (int i = 0; i < 6_000; i++) {
                Finding f = finding(i % 3 == 0 ? "FEE-001" : "RATE-003", i);
                (f.rule().equals("FEE-001") ? a : b).add(f);
                spill.write(f);
            }
            spill.finishWriting();
            assertEquals(List.of("FEE-001", "RATE-003"), spill.rules());
            assertEquals(6_000, spill.total());
            assertEquals(Map.of("FEE-001", 2_000, "RATE-003", 4_000), spill.byRule());
            assertEquals(3_000, spill.count(Severity.HIGH));
            assertEquals(a, spill.readAll("FEE-001"));
            assertEquals(b, spill.readAll("RATE-003"));
            assertEquals(b, spill.readAll("RATE-003"));
            assertEquals(List.of(), spill.readAll("PART-001"));
        }
    }

    @Test
    void aRendererThatFailsLeavesTheFindingsToBeRenderedFromTheObjects() {
        FindingRenderer failing = new FindingRenderer() {
            @Override
            public String format() {
                return "json";
            }

            @Override
            public void render(Finding f, OutputStream out) throws IOException {
                if (f.subject().id().equals("L5")) {
                    throw new IllegalStateException("cannot render " + f.subject().id());
                }
                out.write(f.title().getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public byte[] separator() {
                return new byte[] {','};
            }
        };
        try (FindingSpill spill = new FindingSpill(failing)) {
            List<Finding> written = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                written.add(finding("FEE-001", i));
                spill.write(written.get(i));
            }
            spill.finishWriting();
            assertFalse(spill.rendered("json"));
            assertTrue(spill.renderFailure().contains("cannot render L5"));
            assertEquals(written, spill.readAll("FEE-001"));
        }
    }

    @Test
    void eachRulesFindingsAreRenderedInTheOrderWrittenJoinedByTheSeparator() throws IOException {
        FindingRenderer titles = titles();
        try (FindingSpill spill = new FindingSpill(titles)) {
            for (int i = 0; i < 5; i++) {
                Finding f = finding(i % 2 == 0 ? "FEE-001" : "RATE-003", i);
                if (i == 2 || i == 3) {
                    // rendered beforehand, as the threads that judge loans do: the same bytes end up in the file
                    byte[] rendered = spill.prerender(f);
                    assertEquals("title " + i, new String(rendered, StandardCharsets.UTF_8));
                    spill.write(f, rendered);
                } else {
                    spill.write(f);
                }
            }
            spill.finishWriting();
            assertTrue(spill.rendered("titles"));
            assertFalse(spill.rendered("json"));
            ByteArrayOutputStream fee = new ByteArrayOutputStream();
            spill.copyRendered("FEE-001", fee);
            assertEquals("title 0|title 2|title 4", fee.toString(StandardCharsets.UTF_8));
            ByteArrayOutputStream rate = new ByteArrayOutputStream();
            spill.copyRendered("RATE-003", rate);
            assertEquals("title 1|title 3", rate.toString(StandardCharsets.UTF_8));
            // into a file, file to file, each rule after what its channel has already
            java.nio.file.Path report = java.nio.file.Files.createTempFile("feewatch-spill-copy", ".txt");
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(report,
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap("[".getBytes(StandardCharsets.UTF_8)));
                spill.copyRendered("FEE-001", ch);
                ch.write(java.nio.ByteBuffer.wrap("][".getBytes(StandardCharsets.UTF_8)));
                spill.copyRendered("RATE-003", ch);
                spill.copyRendered("RATE-004", ch); // no findings: nothing
                ch.write(java.nio.ByteBuffer.wrap("]".getBytes(StandardCharsets.UTF_8)));
            }
            try {
                assertEquals("[title 0|title 2|title 4][title 1|title 3]", java.nio.file.Files.readString(report));
            } finally {
                java.nio.file.Files.delete(report);
            }
        }
    }

    @Test
    void findingsPrerenderedOnSeveralThreadsAreTheBytesEachThreadsOwnRendererWrites() throws Exception {
        java.util.concurrent.atomic.AtomicInteger ownRenderers = new java.util.concurrent.atomic.AtomicInteger();
        /** Writes the title and the text of the evidence; a renderer of its own per thread, counted. */
        class Texts implements FindingRenderer {
            private final Thread owner;

            Texts(Thread owner) {
                this.owner = owner;
            }

            @Override
            public String format() {
                return "texts";
            }

            @Override
            public void render(Finding f, OutputStream out) throws IOException {
                if (owner != null && owner != Thread.currentThread()) {
                    throw new AssertionError("a renderer for one thread used by another");
                }
                out.write(expected(f));
            }

            @Override
            public byte[] separator() {
                return new byte[] {'\n'};
            }

            @Override
            public FindingRenderer forOneThread() {
                ownRenderers.incrementAndGet();
                return new Texts(Thread.currentThread());
            }
        }
        try (FindingSpill spill = new FindingSpill(new Texts(null))) {
            int threads = 4;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t * 1_000;
                    done.add(pool.submit(() -> {
                        for (int i = first; i < first + 1_000; i++) {
                            // the first finding's bytes take more than a megabyte, which the buffer is not kept for
                            Finding f = finding("FEE-001", i);
                            if (i == first) {
                                f = new Finding(f.rule(), f.severity(), f.subject(), "长".repeat(400_000),
                                        f.evidence(), f.metrics(), f.citations(), f.action());
                            }
                            org.junit.jupiter.api.Assertions.assertArrayEquals(expected(f), spill.prerender(f));
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> d : done) {
                    d.get();
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(threads, ownRenderers.get());
        }
    }

    /**
     * Renders each finding as a number and reads the number back into the finding it stands for:
     * a format that can be read back, without the report module's JSON. Fails (after writing half
     * a number) on the findings of the loan {@code failOn}, when not null.
     */
    private static final class Numbered implements FindingRenderer {
        final Map<String, Finding> byNumber = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicInteger readsBack = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        private final String failOn;

        Numbered(String failOn) {
            this.failOn = failOn;
        }

        @Override
        public String format() {
            return "numbers";
        }

        @Override
        public void render(Finding f, OutputStream out) throws IOException {
            String number = "#" + next.incrementAndGet();
            byNumber.put(number, f);
            out.write(number.getBytes(StandardCharsets.UTF_8));
            if (f.subject().id().equals(failOn)) {
                throw new IllegalStateException("cannot render " + failOn);
            }
        }

        @Override
        public byte[] separator() {
            return new byte[] {';'};
        }

        @Override
        public Reader reader() {
            return (in, count) -> {
                readsBack.incrementAndGet();
                String[] numbers;
                try {
                    numbers = new String(in.readAllBytes(), StandardCharsets.UTF_8).split(";", -1);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                List<Finding> back = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    back.add(java.util.Objects.requireNonNull(byNumber.get(numbers[i]), numbers[i]));
                }
                return back.iterator();
            };
        }
    }

    @Test
    void findingsKeptOnlyAsRenderedComeBackThroughTheRenderersReader() throws IOException {
        Numbered numbered = new Numbered(null);
        List<Finding> a = new ArrayList<>();
        List<Finding> b = new ArrayList<>();
        try (FindingSpill spill = new FindingSpill(numbered)) {
            for (int i = 0; i < 3_000; i++) {
                Finding f = finding(i % 3 == 0 ? "FEE-001" : "RATE-003", i);
                (f.rule().equals("FEE-001") ? a : b).add(f);
                spill.write(f, i % 2 == 0 ? spill.prerender(f) : null);
            }
            spill.finishWriting();
            assertTrue(spill.rendered("numbers"));
            assertEquals(List.of("FEE-001", "RATE-003"), spill.rules());
            assertEquals(Map.of("FEE-001", 1_000, "RATE-003", 2_000), spill.byRule());
            assertEquals(1_500, spill.count(Severity.HIGH));
            assertEquals(0, numbered.readsBack.get());
            assertEquals(a, spill.readAll("FEE-001"));
            assertEquals(b, spill.readAll("RATE-003"));
            assertEquals(a, spill.readAll("FEE-001"));
            // the objects come from the rendered files alone: nothing else was written
            assertEquals(3, numbered.readsBack.get());
            ByteArrayOutputStream fee = new ByteArrayOutputStream();
            spill.copyRendered("FEE-001", fee);
            assertEquals(1_000, fee.toString(StandardCharsets.UTF_8).split(";").length);
        }
    }

    @Test
    void aRendererThatFailsWhenFindingsAreKeptOnlyAsRenderedLeavesThemAllAsObjects() {
        Numbered numbered = new Numbered("L50");
        List<Finding> a = new ArrayList<>();
        List<Finding> b = new ArrayList<>();
        try (FindingSpill spill = new FindingSpill(numbered)) {
            for (int i = 0; i < 100; i++) {
                Finding f = finding(i % 3 == 0 ? "FEE-001" : "RATE-003", i);
                (f.rule().equals("FEE-001") ? a : b).add(f);
                spill.write(f);
            }
            spill.finishWriting();
            assertFalse(spill.rendered("numbers"));
            assertTrue(spill.renderFailure().contains("cannot render L50"));
            // those before the failure read back once from what was rendered, the others written as objects
            assertEquals(2, numbered.readsBack.get());
            assertEquals(a, spill.readAll("FEE-001"));
            assertEquals(b, spill.readAll("RATE-003"));
            assertEquals(2, numbered.readsBack.get());
            assertEquals(List.of("FEE-001", "RATE-003"), spill.rules());
        }
    }

    /** Renders a finding as its title, findings joined by "|". */
    private static FindingRenderer titles() {
        return new FindingRenderer() {
            @Override
            public String format() {
                return "titles";
            }

            @Override
            public void render(Finding f, OutputStream out) throws IOException {
                out.write(f.title().getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public byte[] separator() {
                return "|".getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    private static byte[] expected(Finding f) {
        return (f.title() + " " + f.evidence().get(0).text()).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void renderedFindingsReachAFileWhoseChannelTakesNothingAtFirst() throws Exception {
        FindingRenderer titles = titles();
        java.nio.file.Path report = java.nio.file.Files.createTempFile("feewatch-spill-copy", ".txt");
        try (FindingSpill spill = new FindingSpill(titles);
                java.nio.channels.FileChannel file = java.nio.channels.FileChannel.open(report,
                        java.nio.file.StandardOpenOption.WRITE)) {
            for (int i = 0; i < 3; i++) {
                spill.write(finding("FEE-001", i));
            }
            spill.finishWriting();
            // a channel that is not a plain file and takes no bytes on its first write: the kernel's
            // copy makes no progress, and the rest goes through a buffer
            spill.copyRendered("FEE-001", new SlowFirstWrite(file));
        } finally {
            try {
                assertEquals("title 0|title 1|title 2", java.nio.file.Files.readString(report));
            } finally {
                java.nio.file.Files.delete(report);
            }
        }
    }

    /** A file channel whose first write takes nothing; the others go to {@code to}. */
    private static final class SlowFirstWrite extends java.nio.channels.FileChannel {
        private final java.nio.channels.FileChannel to;
        private boolean refused;

        SlowFirstWrite(java.nio.channels.FileChannel to) {
            this.to = to;
        }

        @Override
        public int write(java.nio.ByteBuffer src) throws IOException {
            if (!refused) {
                refused = true;
                return 0;
            }
            return to.write(src);
        }

        @Override
        public int read(java.nio.ByteBuffer dst) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long read(java.nio.ByteBuffer[] dsts, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long write(java.nio.ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() throws IOException {
            return to.position();
        }

        @Override
        public java.nio.channels.FileChannel position(long newPosition) throws IOException {
            to.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return to.size();
        }

        @Override
        public java.nio.channels.FileChannel truncate(long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void force(boolean metaData) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferTo(long position, long count, java.nio.channels.WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(java.nio.channels.ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(java.nio.ByteBuffer dst, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int write(java.nio.ByteBuffer src, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.nio.MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.nio.channels.FileLock lock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.nio.channels.FileLock tryLock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void implCloseChannel() {
            // the file is closed by its owner
        }
    }
}
