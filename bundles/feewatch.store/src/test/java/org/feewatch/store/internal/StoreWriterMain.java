package org.feewatch.store.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.feewatch.store.Store.AuditRecord;
import org.feewatch.store.Store.DecisionRecord;
import org.feewatch.store.Store.PartnerRecord;
import org.feewatch.store.Store.VettingRecord;

/**
 * The child process of {@link StoreDurabilityTest}: writes to the store without end, saying on
 * standard output when each write starts and when it has committed, until it is killed.
 * <ul>
 * <li>{@code audit URL}: records audits with a large report, one after another;</li>
 * <li>{@code decide URL P1 P2 …}: confirms the open decision of each partner in turn.</li>
 * </ul>
 */
public final class StoreWriterMain {

    /** The report size of each audit: large enough that a kill usually lands inside the write. */
    static final int REPORT_BYTES = 1 << 20;

    private StoreWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        JdbcStore store = new JdbcStore(args[1], "", "", Clock.systemUTC());
        System.out.println("ready");
        System.out.flush();
        if (args[0].equals("audit")) {
            for (int i = 1; ; i++) {
                System.out.println("writing " + i);
                System.out.flush();
                long id = store.record(bigAudit(i)).id();
                System.out.println("committed " + id);
                System.out.flush();
            }
        }
        for (String partner : Arrays.copyOfRange(args, 2, args.length)) {
            System.out.println("writing " + partner);
            System.out.flush();
            store.decide(partner, DecisionRecord.Outcome.CONFIRM, "confirmed in the durability test", "child");
            System.out.println("committed " + partner);
            System.out.flush();
        }
        System.out.println("done");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    static AuditRecord bigAudit(int i) {
        byte[] report = new byte[REPORT_BYTES];
        byte[] head = ("{\"run\":" + i + ",\"pad\":\"").getBytes(StandardCharsets.UTF_8);
        Arrays.fill(report, (byte) ('a' + i % 26));
        System.arraycopy(head, 0, report, 0, head.length);
        AuditRecord base = StoreContract.audit("child", "terminate");
        return new AuditRecord(base.kind(), base.startedAt(), base.finishedAt(), base.actor(), base.casePath() + "/" + i,
                base.institution(), base.region(), base.asOf(), base.engineVersion(), base.findings(), report,
                base.partners(), base.readings(), base.vettings(), base.changes());
    }

    /** An audit of {@code n} partners, each with a terminate verdict, so that each opens a decision. */
    static AuditRecord manyPartners(int n) {
        List<PartnerRecord> partners = new ArrayList<>();
        List<VettingRecord> vettings = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String id = "Q" + i;
            partners.add(new PartnerRecord(id, "BCRCB", "partner " + i, "other", "active", false, null, null));
            vettings.add(new VettingRecord(0, id, null, null, "active", "terminate", List.of("PART-004"), "{}"));
        }
        AuditRecord base = StoreContract.audit("setup", "terminate");
        return new AuditRecord(base.kind(), base.startedAt(), base.finishedAt(), "setup", base.casePath(),
                base.institution(), base.region(), base.asOf(), base.engineVersion(), 0, base.report(), partners,
                List.of(), vettings, List.of());
    }
}
