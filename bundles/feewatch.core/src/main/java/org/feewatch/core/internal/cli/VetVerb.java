package org.feewatch.core.internal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.feewatch.core.AuditRequest;
import org.feewatch.core.AuditResult;
import org.feewatch.core.AuditService;
import org.feewatch.core.CaseException;
import org.feewatch.core.UnavailableException;
import org.feewatch.core.cli.Args;
import org.feewatch.core.cli.UsageException;
import org.feewatch.core.cli.Verb;
import org.feewatch.core.cli.VerbException;
import org.feewatch.core.cli.VerbIO;
import org.feewatch.engine.AuditInput;
import org.feewatch.engine.vetting.PartnerVetting;
import org.feewatch.engine.vetting.VettingJson;
import org.feewatch.engine.vetting.VettingReport;
import org.feewatch.engine.vetting.VettingText;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code vet CASE [--partner ID]}: partner vetting only. The case is audited as usual (a loan book
 * is optional: a prospective partner is vetted on its published schedule alone) and each partner is
 * shown with its verdict, the reason, its schedules and its findings with their evidence.
 */
@Component(service = Verb.class)
public class VetVerb implements Verb {

    /** Evidence lines shown per finding in the text form; the JSON has them all. */
    static final int EVIDENCE_SHOWN = 5;

    private final BundleContext context;

    @Activate
    public VetVerb(BundleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "vet";
    }

    @Override
    public String synopsis() {
        return "CASE [--partner ID] [--format text|json] [--out FILE]";
    }

    @Override
    public String summary() {
        return "vet a case's partners only (partner verdicts)";
    }

    @Override
    public String help() {
        return """
                  CASE             a case folder or a .zip of one; the loan book is optional
                  --partner ID     vet only this partner of partners.json
                  --format FORMAT  text (default) or json (feewatch.vetting/1)
                  --out FILE       write to FILE (default: standard output)

                verdicts: approve, conditional (an active partner whose schedule cannot be read),
                          reject (prospective), terminate (active)
                """;
    }

    @Override
    public int run(List<String> argv, VerbIO io) throws UsageException, VerbException {
        Args args = Args.spec().option("--partner").option("--format").option("--out").parse(argv);
        Path casePath = io.resolve(args.operands(1, "CASE (a case folder or .zip)").get(0));
        String format = args.value("--format").orElse("text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, not " + format);
        }
        Optional<Path> out = args.value("--out").map(io::resolve);
        AuditService service = Services.audit(context);
        AuditResult result;
        try {
            result = service.audit(new AuditRequest(casePath, false, null, null, AuditRequest.VET, null));
        } catch (CaseException | UnavailableException e) {
            throw new VerbException(e.getMessage());
        }
        AuditInput input = result.input();
        if (input == null) {
            throw new VerbException("the audit service kept no inputs to vet the partners from");
        }
        VettingReport vetting;
        try {
            vetting = PartnerVetting.vet(result.report(), input.partners(), input.sources(), input.disclosures(),
                    args.value("--partner").orElse(null));
        } catch (IllegalArgumentException e) {
            throw new VerbException(e.getMessage());
        }
        String text = format.equals("json") ? VettingJson.render(vetting) : new VettingText(EVIDENCE_SHOWN).render(vetting);
        if (out.isPresent()) {
            try {
                Path parent = out.get().toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(out.get(), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new VerbException("cannot write " + out.get() + ": " + Dispatcher.describe(e), e);
            }
        } else {
            io.out().print(text);
            io.out().flush();
        }
        return OK;
    }
}
