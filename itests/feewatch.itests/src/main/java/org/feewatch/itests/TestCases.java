package org.feewatch.itests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;

/** Small cases written for a test, the test plugin's jar, and waiting for asynchronous things. */
final class TestCases {

    static final String RULE = "ITEST-001";
    static final String PLUGIN_RESOURCE = "plugin-jars/feewatch.itests.rules.jar";

    private TestCases() {
    }

    /** A case with two accepted loans and one rejected line, no sources; asOf 2023-06-30. */
    static Path smallCase(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("case.json"), """
                {"institution": {"id": "ITEST-BANK", "name": "测试农村商业银行", "type": "rural-commercial"},
                 "region": "CN", "asOf": "2023-06-30"}
                """);
        write(dir.resolve("sources.json"), "[]\n");
        write(dir.resolve("loans.jsonl"), """
                {"id":"L1","borrower":{"id":"B1","type":"micro","established":"2019-04-02"},"product":"普惠e贷","principal":"100000.00","contractDate":"2023-03-15","maturityDate":"2024-03-15","rate":{"type":"fixed","nominal":"4.50"},"repayment":"equal-installment","onLending":false,"compensatingDeposit":"0","bundled":[],"fees":[]}
                {"id":"L2","borrower":{"id":"B2","type":"small","established":"2015-01-10"},"product":"普惠e贷","principal":"200000.00","contractDate":"2023-04-20","maturityDate":"2024-04-20","rate":{"type":"fixed","nominal":"4.20"},"repayment":"interest-monthly","onLending":false,"compensatingDeposit":"0","bundled":[],"fees":[]}
                {"id":"L3","borrower":{"id":"B3","type":"micro"},"principal":"-5","contractDate":"2023-04-20","maturityDate":"2024-04-20","rate":{"type":"fixed","nominal":"4.20"},"repayment":"bullet"}
                """);
        return dir;
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Copies the test rule pack's jar (embedded in this bundle) to {@code target}. */
    static Path pluginJar(BundleContext context, Path target) throws IOException {
        try (InputStream in = context.getBundle().getEntry(PLUGIN_RESOURCE).openStream()) {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Polls until the condition holds; false when the time ran out. */
    static boolean eventually(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
