package org.feewatch.core.internal.cli;

import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import org.feewatch.core.cli.Verb;
import org.feewatch.core.internal.PluginFolder;
import org.feewatch.core.internal.Settle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Connects the command line to the bnd launcher. The launcher registers itself with the program's
 * arguments ({@code launcher.arguments}) once every bundle has started ({@code launcher.ready}), then
 * waits for a {@link Callable} registered with {@code main.thread=true}, calls it on the main thread
 * and exits with the Integer it returns. bnd's test launcher registers the same service, so the verb
 * runs only when the framework property {@value #COMMAND_LINE} is {@code true} (the distribution sets
 * it): integration tests never run a verb by accident, whatever order things start in.
 */
@Component(immediate = true)
public class Launch {

    static final String ARGUMENTS = "launcher.arguments";
    static final String COMMAND_LINE = "feewatch.commandline";

    private final List<Verb> verbs = new CopyOnWriteArrayList<>();
    private ServiceRegistration<?> registration;

    @Activate
    public Launch(BundleContext context,
            @Reference(service = Object.class, name = "launcher", target = "(&(launcher.ready=true)(launcher.arguments=*))") Map<String, Object> launcher,
            @Reference PluginFolder plugins, @Reference Settle settle) {
        if (!Boolean.parseBoolean(context.getProperty(COMMAND_LINE))) {
            return;
        }
        Object args = launcher.get(ARGUMENTS);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("main.thread", Boolean.TRUE);
        registration = context.registerService(Callable.class,
                new MainThread(args instanceof String[] a ? a : new String[0], this::verbs, plugins, settle, context), props);
    }

    @Deactivate
    void deactivate() {
        if (registration == null) {
            return;
        }
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework is stopping
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addVerb(Verb verb) {
        verbs.add(verb);
    }

    void removeVerb(Verb verb) {
        verbs.remove(verb);
    }

    List<Verb> verbs() {
        return verbs.stream().sorted(Comparator.comparing(Verb::name)).toList();
    }
}
