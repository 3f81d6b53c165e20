package org.feewatch.core.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the framework and the OSGi services (SCR, Config Admin, FileInstall) log through the
 * OSGi Log Service to the feewatch log file, so that nothing of it reaches the user's terminal.
 */
@Component(immediate = true)
public class LogBridge implements LogListener {

    private static final Logger LOG = LoggerFactory.getLogger("osgi");

    private final LogReaderService reader;

    @Activate
    public LogBridge(@Reference LogReaderService reader) {
        this.reader = reader;
        reader.addLogListener(this);
        // what went wrong before this bundle started (a bundle that failed to resolve, a broken
        // configuration file) is in the log service's history: oldest first into the file
        java.util.List<LogEntry> earlier = new java.util.ArrayList<>();
        for (java.util.Enumeration<LogEntry> e = reader.getLog(); e.hasMoreElements();) {
            LogEntry entry = e.nextElement();
            if (entry.getLogLevel().ordinal() <= LogLevel.WARN.ordinal()) {
                earlier.add(0, entry);
            }
        }
        earlier.forEach(this::logged);
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    private static boolean isEvent(String message) {
        return message != null && (message.startsWith("ServiceEvent ") || message.startsWith("BundleEvent ")
                || message.startsWith("FrameworkEvent STARTLEVEL"));
    }

    @Override
    public void logged(LogEntry entry) {
        LogLevel level = entry.getLogLevel();
        if (level.ordinal() > LogLevel.INFO.ordinal() || level == LogLevel.INFO && isEvent(entry.getMessage())) {
            return; // debug, trace and the framework's routine service and bundle events stay out of the file
        }
        String text = entry.getBundle() == null ? entry.getMessage()
                : "[" + entry.getBundle().getSymbolicName() + "] " + entry.getMessage();
        Throwable t = entry.getException();
        switch (level) {
            case AUDIT, ERROR -> LOG.error(text, t);
            case WARN -> LOG.warn(text, t);
            default -> LOG.info(text, t);
        }
    }
}
