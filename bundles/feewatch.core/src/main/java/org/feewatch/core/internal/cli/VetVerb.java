package org.feewatch.core.internal.cli;

import java.util.List;

import org.feewatch.core.cli.Args;
import org.feewatch.core.cli.UsageException;
import org.feewatch.core.cli.Verb;
import org.feewatch.core.cli.VerbException;
import org.feewatch.core.cli.VerbIO;
import org.osgi.service.component.annotations.Component;

/** {@code vet CASE [--partner ID]}: partner vetting only. */
@Component(service = Verb.class)
public class VetVerb implements Verb {

    @Override
    public String name() {
        return "vet";
    }

    @Override
    public String synopsis() {
        return "CASE [--partner ID]";
    }

    @Override
    public String summary() {
        return "vet a case's partners only (partner verdicts)";
    }

    @Override
    public String help() {
        return """
                  CASE           a case folder or a .zip of one
                  --partner ID   vet only this partner of partners.json
                """;
    }

    @Override
    public int run(List<String> argv, VerbIO io) throws UsageException, VerbException {
        Args args = Args.spec().option("--partner").parse(argv);
        args.operands(1, "CASE (a case folder or .zip)");
        throw new VerbException("partner vetting is not built yet");
    }
}
