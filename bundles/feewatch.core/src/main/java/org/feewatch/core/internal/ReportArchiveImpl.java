package org.feewatch.core.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.feewatch.api.Report;
import org.feewatch.core.ReportArchive;
import org.osgi.service.component.annotations.Component;

/** Reports kept in memory, the newest {@value #LIMIT}. */
@Component(service = ReportArchive.class)
public class ReportArchiveImpl implements ReportArchive {

    static final int LIMIT = 50;

    private final AtomicLong next = new AtomicLong(1);
    private final Map<String, Report> reports = new LinkedHashMap<>();

    @Override
    public synchronized String put(String id, Report report) {
        reports.remove(id);
        reports.put(id, report);
        while (reports.size() > LIMIT) {
            reports.remove(reports.keySet().iterator().next());
        }
        return id;
    }

    @Override
    public String add(Report report) {
        return put("r" + next.getAndIncrement(), report);
    }

    @Override
    public synchronized Optional<Report> get(String id) {
        return Optional.ofNullable(reports.get(id));
    }

    @Override
    public synchronized List<String> ids() {
        List<String> ids = new ArrayList<>(reports.keySet());
        Collections.reverse(ids);
        return ids;
    }
}
