package org.feewatch.core.internal.cli;

import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.feewatch.core.cli.Verb;
import org.feewatch.core.cli.VerbIO;
import org.feewatch.core.internal.Home;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The verbs as Gogo commands in a running instance ({@code serve --shell}):
 * {@code feewatch:audit CASE --out r.json}, {@code feewatch:plugins list}, {@code feewatch:lpr} …
 * They behave as on the command line; the exit code is returned.
 */
@Component(service = FeewatchCommands.class, property = {
        "osgi.command.scope=feewatch",
        "osgi.command.function=audit",
        "osgi.command.function=vet",
        "osgi.command.function=lpr",
        "osgi.command.function=plugins",
        "osgi.command.function=rules" })
public class FeewatchCommands {

    private final BundleContext context;
    private final List<Verb> verbs = new CopyOnWriteArrayList<>();

    @Activate
    public FeewatchCommands(BundleContext context) {
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addVerb(Verb verb) {
        verbs.add(verb);
    }

    void removeVerb(Verb verb) {
        verbs.remove(verb);
    }

    public int audit(String... args) {
        return run("audit", args);
    }

    public int vet(String... args) {
        return run("vet", args);
    }

    public int lpr(String... args) {
        return run("lpr", args);
    }

    public int plugins(String... args) {
        return run("plugins", args);
    }

    /** The loaded rule catalogue: code, severity, pack and English title. */
    public void rules() {
        Services.await(context, org.feewatch.core.AuditService.class, Services.WAIT).ifPresentOrElse(
                s -> s.rules().forEach(r -> System.out.println(r.info().code() + "  " + r.info().severity().wireName()
                        + "  " + r.pack() + "  " + r.info().titleEn())),
                () -> System.err.println("feewatch: the audit service is not running"));
    }

    private int run(String verb, String... args) {
        // Gogo gives each session its own System.out and System.err
        VerbIO io = new VerbIO(System.out, System.err, false, Paths.get(System.getProperty("user.dir", ".")).toAbsolutePath(),
                Home.home(context));
        String[] all = new String[args.length + 1];
        all[0] = verb;
        System.arraycopy(args, 0, all, 1, args.length);
        return new Dispatcher(verbs.stream().sorted(java.util.Comparator.comparing(Verb::name)).toList()).run(Arrays.asList(all), io);
    }
}
