package org.feewatch.core.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

    @TempDir
    Path dir;

    @Test
    void aRewrittenFileHoldsOnlyTheNewContentWhetherItWasLongerOrShorterOrMissing() throws IOException {
        Path file = dir.resolve("report.json");
        for (String content : new String[] {"a first report, long enough", "short", "", "x", "the longest report of all"}) {
            try (FileChannel ch = OutputFiles.openForRewrite(file)) {
                ch.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
                OutputFiles.cutToPosition(ch);
            }
            assertEquals(content, Files.readString(file));
        }
    }

    @Test
    void aRewritingStreamCutsTheOldContentWhenClosedAndMayBeClosedTwice() throws IOException {
        Path file = dir.resolve("detail.csv");
        Files.writeString(file, "id,old\r\nL1,old row\r\nL2,old row\r\n");
        OutputStream out = OutputFiles.rewrite(file);
        out.write("id,new\r\n".getBytes(StandardCharsets.UTF_8));
        out.write('L');
        out.close();
        out.close();
        assertEquals("id,new\r\nL", Files.readString(file));
    }

    @Test
    void aFileInAMissingFolderFailsAsTheStreamWouldFail() {
        Path file = dir.resolve("missing").resolve("report.json");
        IOException viaStream = assertThrows(IOException.class, () -> Files.newOutputStream(file).close());
        IOException viaRewrite = assertThrows(IOException.class, () -> OutputFiles.openForRewrite(file).close());
        assertEquals(viaStream.getClass(), viaRewrite.getClass());
        assertEquals(viaStream.getMessage(), viaRewrite.getMessage());
    }
}
