package org.feewatch.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ArgsTest {

    private static Args audit() {
        return Args.spec().option("--out").option("--format").flag("--shell");
    }

    @Test
    void optionsTakeTheirValueSeparatedOrAfterAnEqualsSign() throws Exception {
        Args a = audit().parse(List.of("case", "--out", "r.json", "--format=html", "--shell"));
        assertEquals(List.of("case"), a.operands());
        assertEquals(Optional.of("r.json"), a.value("--out"));
        assertEquals(Optional.of("html"), a.value("--format"));
        assertTrue(a.has("--shell"));
    }

    @Test
    void everythingAfterADoubleDashIsAnOperand() throws Exception {
        Args a = audit().parse(List.of("--", "--out"));
        assertEquals(List.of("--out"), a.operands());
    }

    @Test
    void anUnknownOptionIsNamed() {
        UsageException e = assertThrows(UsageException.class, () -> audit().parse(List.of("--bogus")));
        assertEquals("unknown option --bogus", e.getMessage());
    }

    @Test
    void aMissingValueIsNamed() {
        UsageException e = assertThrows(UsageException.class, () -> audit().parse(List.of("case", "--out")));
        assertEquals("--out needs a value", e.getMessage());
    }

    @Test
    void anOptionGivenTwiceIsRefused() {
        assertThrows(UsageException.class, () -> audit().parse(List.of("--out", "a", "--out", "b")));
    }

    @Test
    void aFlagWithAValueIsRefused() {
        assertThrows(UsageException.class, () -> audit().parse(List.of("--shell=yes")));
    }

    @Test
    void operandCountsAreCheckedWithWhatIsExpected() throws Exception {
        UsageException missing = assertThrows(UsageException.class, () -> audit().parse(List.of()).operands(1, "CASE"));
        assertEquals("missing CASE", missing.getMessage());
        UsageException extra = assertThrows(UsageException.class,
                () -> audit().parse(List.of("a", "b")).operands(1, "CASE"));
        assertEquals("unexpected argument b", extra.getMessage());
        assertEquals(List.of("a"), audit().parse(List.of("a")).operands(1, "CASE"));
    }
}
