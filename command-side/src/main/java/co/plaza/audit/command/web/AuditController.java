package co.plaza.audit.command.web;

import co.plaza.audit.command.AuditedAggregates;
import co.plaza.common.api.LegacyIds;
import co.plaza.platform.axon.AggregateHistories;
import co.plaza.platform.context.Caller;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.web.PageParams;
import co.plaza.platform.web.QueryParams;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The audit API (API.md, Audit and operations; admins only): an aggregate's events and its state at an instant,
 * read from the event store, which the command side owns. The gateway sends {@code /api/audit/} here whatever the
 * method. Rebuilding and rendering are {@link AggregateHistories}'; this edge names the aggregates and resolves ids.
 */
@RestController
public class AuditController {

    private final AggregateHistories histories;

    public AuditController(AggregateHistories histories) {
        this.histories = histories;
    }

    @GetMapping("/api/audit/{aggregateType}/{id}/events")
    public Map<String, Object> events(@PathVariable String aggregateType, @PathVariable String id, Caller caller,
                                      HttpServletRequest request) {
        caller.requireStaff();
        PageParams page = QueryParams.of(request).page();
        AuditedAggregates audited = AuditedAggregates.named(aggregateType).orElseThrow(DomainException::notFound);
        UUID aggregateId = resolve(audited, id);
        long count = histories.count(audited.type(), aggregateId);
        if (count == 0) {
            throw DomainException.notFound();
        }
        List<Map<String, Object>> results = histories.events(audited.type(), aggregateId, page.offset(), page.pageSize())
                .stream().map(e -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("sequence", e.sequence());
                    json.put("event_id", e.eventId());
                    json.put("type", e.type());
                    json.put("timestamp", e.timestamp().toString());
                    json.put("payload", e.payload());
                    json.put("metadata", e.metaData());
                    return json;
                }).toList();
        return page.envelope(count, results, request);
    }

    @GetMapping("/api/audit/{aggregateType}/{id}")
    public Map<String, Object> state(@PathVariable String aggregateType, @PathVariable String id, Caller caller,
                                     HttpServletRequest request) {
        caller.requireStaff();
        QueryParams params = QueryParams.of(request);
        Instant requested = params.instant("at");
        params.validate();
        AuditedAggregates audited = AuditedAggregates.named(aggregateType).orElseThrow(DomainException::notFound);
        UUID aggregateId = resolve(audited, id);
        Instant at = requested != null ? requested : Instant.now();
        AggregateHistories.State state = histories.stateAt(audited.type(), aggregateId, at)
                .orElseThrow(DomainException::notFound);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("aggregate_type", audited.noun());
        json.put("id", aggregateId.toString());
        json.put("version", state.version());
        json.put("at", at.toString());
        json.put("last_event_at", state.timestamp().toString());
        json.put("state", state.state());
        return json;
    }

    /**
     * A UUID, or a legacy integer id of one of the aggregate's monolith tables. A profile's legacy id may be in any
     * of the three kinds' tables: the one whose profile exists is meant; two existing ones are a 409 (use the UUID).
     */
    private UUID resolve(AuditedAggregates audited, String raw) {
        Set<UUID> candidates = new LinkedHashSet<>();
        for (String table : audited.legacyTables()) {
            LegacyIds.parse(raw, table).ifPresent(candidates::add);
        }
        if (candidates.size() <= 1) {
            return candidates.stream().findFirst().orElseThrow(DomainException::notFound);
        }
        List<UUID> existing = candidates.stream().filter(c -> histories.exists(audited.type(), c)).toList();
        if (existing.size() > 1) {
            throw DomainException.conflict("error.conflict");
        }
        return existing.stream().findFirst().orElseThrow(DomainException::notFound);
    }
}
