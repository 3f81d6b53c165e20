package org.feewatch.store.internal.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.feewatch.core.AuditRequest;
import org.feewatch.core.AuditService;
import org.feewatch.core.CaseException;
import org.feewatch.core.UnavailableException;
import org.feewatch.core.cli.Args;
import org.feewatch.core.cli.UsageException;
import org.feewatch.core.cli.Verb;
import org.feewatch.core.cli.VerbException;
import org.feewatch.core.cli.VerbIO;
import org.feewatch.store.Store;
import org.feewatch.store.Store.DecisionRecord;
import org.feewatch.store.StoreException;
import org.feewatch.store.internal.EvidenceExport;
import org.feewatch.store.internal.StoreAccess;
import org.feewatch.store.internal.StoreText;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code partners …}: the partners the store knows, a partner's history (vettings, schedule readings
 * and changes, decisions, audit trail), the decision on a terminate or reject verdict, the evidence
 * package, and one monitoring pass over a case.
 */
@Component(service = Verb.class)
public class PartnersVerb implements Verb {

    private final BundleContext context;

    @Activate
    public PartnersVerb(BundleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "partners";
    }

    @Override
    public String synopsis() {
        return "list | history ID | decide ID confirm|override --reason TEXT [--by NAME] | export ID [--out FILE]"
                + " | monitor CASE";
    }

    @Override
    public String summary() {
        return "partner history, decisions on terminate/reject verdicts, evidence packages";
    }

    @Override
    public String help() {
        return """
                  list                  the partners recorded, with their latest verdict
                  history ID            vettings, fee schedule readings and changes, decisions, audit trail
                  decide ID confirm|override --reason TEXT [--by NAME]
                                        decide the partner's open decision (a terminate or reject verdict
                                        opens one); who (default: your login), when and why are recorded
                  export ID [--out FILE]
                                        the partner's evidence package as a zip (default: PARTNER-evidence.zip)
                  monitor CASE          one continuous-evaluation pass now: re-read the case's schedules,
                                        compare with the previous readings, re-vet, record what changed
                """;
    }

    @Override
    public int run(List<String> argv, VerbIO io) throws UsageException, VerbException {
        Args args = Args.spec().option("--reason").option("--by").option("--out").parse(argv);
        List<String> ops = args.operands();
        if (ops.isEmpty()) {
            throw new UsageException("missing list, history, decide, export or monitor");
        }
        try {
            switch (ops.get(0)) {
                case "list" -> {
                    args.operands(1, "list");
                    list(StoreAccess.await(context), io);
                }
                case "history" -> io.out().print(StoreText.partnerHistory(StoreAccess.await(context),
                        args.operands(2, "the partner ID").get(1)));
                case "decide" -> decide(args, io);
                case "export" -> export(args, io);
                case "monitor" -> monitor(args, io);
                default -> throw new UsageException("unknown partners command " + ops.get(0)
                        + " (list, history, decide, export or monitor)");
            }
        } catch (StoreException e) {
            throw new VerbException(e.getMessage());
        }
        io.out().flush();
        return OK;
    }

    private static void list(Store store, VerbIO io) throws StoreException {
        List<Store.PartnerRecord> partners = store.partners();
        if (partners.isEmpty()) {
            io.out().println("No partners recorded yet (an audit or vet of a case records them).");
            return;
        }
        io.out().printf("%-8s %-12s %-12s %-14s %s%n", "PARTNER", "STATUS", "VERDICT", "DECISION", "NAME");
        for (Store.PartnerRecord p : partners) {
            List<Store.VettingRecord> v = store.vettings(p.id());
            List<DecisionRecord> d = store.decisions(p.id());
            io.out().printf("%-8s %-12s %-12s %-14s %s%n", p.id(), p.status(),
                    v.isEmpty() ? "-" : v.get(v.size() - 1).verdict(),
                    d.isEmpty() ? "-" : d.get(d.size() - 1).state().name().toLowerCase(Locale.ROOT),
                    p.name() == null ? "" : p.name());
        }
    }

    private void decide(Args args, VerbIO io) throws UsageException, VerbException, StoreException {
        List<String> ops = args.operands(3, "the partner ID and confirm or override");
        DecisionRecord.Outcome outcome = switch (ops.get(2)) {
            case "confirm" -> DecisionRecord.Outcome.CONFIRM;
            case "override" -> DecisionRecord.Outcome.OVERRIDE;
            default -> throw new UsageException("decide takes confirm or override, not " + ops.get(2));
        };
        String reason = args.value("--reason")
                .orElseThrow(() -> new UsageException("decide needs --reason TEXT (why, for the audit trail)"));
        String by = args.value("--by").orElse(AuditRequest.localUser());
        DecisionRecord d = StoreAccess.await(context).decide(ops.get(1), outcome, reason, by);
        io.out().println("Decision #" + d.id() + " on partner " + d.partnerId() + " (" + d.verdict() + "): "
                + d.state().name().toLowerCase(Locale.ROOT) + " by " + d.decidedBy() + " at " + StoreText.t(d.decidedAt()));
    }

    private void export(Args args, VerbIO io) throws UsageException, VerbException, StoreException {
        String id = args.operands(2, "the partner ID").get(1);
        Path out = io.resolve(args.value("--out").orElse(id + "-evidence.zip"));
        Store store = StoreAccess.await(context);
        store.partner(id).orElseThrow(() -> new StoreException("partner " + id + " is not in the store"));
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            List<String> files;
            try (OutputStream os = Files.newOutputStream(tmp)) {
                files = EvidenceExport.write(store, id, os);
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            io.out().println("Evidence package of " + id + ": " + files.size() + " files -> " + out);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the partial file is named .part; nothing else to do
            }
            throw new VerbException("cannot write " + out + ": " + e.getMessage());
        }
    }

    private void monitor(Args args, VerbIO io) throws UsageException, VerbException, StoreException {
        Path casePath = io.resolve(args.operands(2, "CASE (a case folder or .zip)").get(1));
        Store store = StoreAccess.await(context);
        long before = store.runs(1).stream().mapToLong(Store.RunSummary::id).max().orElse(0);
        AuditService service = auditService();
        try {
            service.audit(new AuditRequest(casePath, false, null, null, AuditRequest.MONITOR, AuditRequest.localUser()));
        } catch (CaseException | UnavailableException e) {
            throw new VerbException(e.getMessage());
        }
        List<Store.RunSummary> latest = store.runs(1);
        if (latest.isEmpty() || latest.get(0).id() == before) {
            throw new VerbException("the monitoring pass ran but was not recorded (see the log file)");
        }
        Store.RunSummary run = latest.get(0);
        io.out().print(StoreText.run(run, store.vettingsOfRun(run.id())));
        int changes = 0;
        for (Store.VettingRecord v : store.vettingsOfRun(run.id())) {
            for (Store.ChangeFinding c : store.changeFindings(v.partnerId())) {
                if (c.vettingId() != null && c.vettingId() == v.id()) {
                    io.out().println("  CHANGE " + v.partnerId() + " " + c.sourceId() + " introduced "
                            + String.join(", ", c.rules()) + ": "
                            + org.feewatch.store.ScheduleDiff.fromJson(c.changes()).describe());
                    changes++;
                }
            }
        }
        if (changes == 0) {
            io.out().println("  no schedule change introduced a breach");
        }
    }

    private AuditService auditService() throws VerbException {
        ServiceTracker<AuditService, AuditService> tracker = new ServiceTracker<>(context, AuditService.class, null);
        tracker.open();
        try {
            AuditService s = tracker.waitForService(5000);
            if (s != null) {
                return s;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new VerbException("the audit service is not running (see the log file)");
    }
}
