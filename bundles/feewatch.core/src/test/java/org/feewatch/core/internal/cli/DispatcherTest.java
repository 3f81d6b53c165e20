package org.feewatch.core.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.feewatch.core.cli.Args;
import org.feewatch.core.cli.UsageException;
import org.feewatch.core.cli.Verb;
import org.feewatch.core.cli.VerbException;
import org.feewatch.core.cli.VerbIO;
import org.junit.jupiter.api.Test;

/** What a user sees for every way a command can end: one line on stderr and exit 2 for any failure. */
class DispatcherTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final VerbIO io = new VerbIO(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), false, Path.of("/tmp"), Path.of("/opt/feewatch"));

    /** A verb "echo" that prints its operand, fails on request, or breaks. */
    private static final Verb ECHO = new Verb() {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String synopsis() {
            return "TEXT";
        }

        @Override
        public String summary() {
            return "print TEXT";
        }

        @Override
        public String help() {
            return "  TEXT  what to print\n";
        }

        @Override
        public int run(List<String> args, VerbIO io) throws UsageException, VerbException {
            String text = Args.spec().parse(args).operands(1, "TEXT").get(0);
            switch (text) {
                case "fail" -> throw new VerbException("cannot do that");
                case "bug" -> throw new IllegalStateException("the widget is null");
                case "found" -> {
                    return FOUND;
                }
                default -> io.out().println(text);
            }
            return OK;
        }
    };

    private int run(String... args) {
        return new Dispatcher(List.of(ECHO)).run(List.of(args), io);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aVerbsExitCodeIsTheProgramsExitCode() {
        assertEquals(0, run("echo", "hello"));
        assertEquals("hello\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(1, run("echo", "found"));
        assertEquals("", err());
    }

    @Test
    void aUsageErrorIsOneLineNamingTheVerbAndItsHelp() {
        assertEquals(2, run("echo"));
        assertEquals("feewatch echo: missing TEXT (see ./feewatch echo --help)\n", err());
    }

    @Test
    void aVerbThatCannotRunSaysWhyInOneLine() {
        assertEquals(2, run("echo", "fail"));
        assertEquals("feewatch echo: cannot do that\n", err());
    }

    @Test
    void aBugShowsNoClassNameAndNoStackTrace() {
        assertEquals(2, run("echo", "bug"));
        String e = err();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("the widget is null"), e);
        assertFalse(e.contains("Exception") || e.contains("at org."), e);
    }

    @Test
    void anUnknownCommandOrNoneIsAUsageError() {
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run());
        assertEquals(2, err().lines().count());
        assertTrue(err().startsWith("feewatch: unknown command 'frobnicate'"));
    }

    @Test
    void helpListsTheVerbsOnStandardOutput() {
        assertEquals(0, run("--help"));
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains("  echo  print TEXT"), o);
        assertEquals("", err());
    }

    @Test
    void aVerbsHelpShowsItsSynopsisAndOptions() {
        assertEquals(0, run("echo", "--help"));
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.startsWith("usage: ./feewatch echo TEXT\n"), o);
        assertTrue(o.contains("TEXT  what to print"), o);
        assertEquals(0, run("help", "echo"));
    }
}
