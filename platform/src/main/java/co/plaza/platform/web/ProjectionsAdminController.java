package co.plaza.platform.web;

import co.plaza.platform.axon.DeadLetters;
import co.plaza.platform.axon.ProcessorDeclarations;
import co.plaza.platform.axon.ProcessorStates;
import co.plaza.platform.context.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/admin/projections/} (API.md, Audit and operations; admins only): each projection running in this
 * deployable with its state, position, lag and dead letters, the first {@value #LETTERS} of them listed (ADR 0015).
 */
@RestController
public class ProjectionsAdminController {

    static final int LETTERS = 20;

    private final ProcessorDeclarations declarations;
    private final ProcessorStates states;
    private final DeadLetters deadLetters;

    public ProjectionsAdminController(ProcessorDeclarations declarations, ProcessorStates states, DeadLetters deadLetters) {
        this.declarations = declarations;
        this.states = states;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/admin/projections")
    public List<Map<String, Object>> projections(Caller caller) {
        caller.requireStaff();
        List<Map<String, Object>> projections = new ArrayList<>();
        for (ProcessorDeclarations.Declaration declaration : declarations.all()) {
            if (!declaration.isProjection()) {
                continue;
            }
            String name = declaration.name();
            states.state(name).ifPresent(s -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("name", name);
                json.put("state", s.status());
                json.put("position", s.position());
                json.put("lag_events", s.lagEvents());
                json.put("lag_seconds", s.lagSeconds());
                json.put("error", s.error());
                json.put("dead_letters", deadLetters.count(name).orElse(0L));
                json.put("dead_letter_sequences", deadLetters.sequences(name).orElse(0L));
                json.put("dead_lettered_events", deadLetters.letters(name, LETTERS).stream().map(l -> {
                    Map<String, Object> letter = new LinkedHashMap<>();
                    letter.put("event_id", l.eventIdentifier());
                    letter.put("type", l.eventType());
                    letter.put("aggregate_id", l.aggregateIdentifier());
                    letter.put("sequence", l.sequenceNumber());
                    letter.put("cause_type", l.causeType());
                    letter.put("cause", l.causeMessage());
                    letter.put("enqueued_at", l.enqueuedAt() == null ? null : l.enqueuedAt().toString());
                    return letter;
                }).toList());
                projections.add(json);
            });
        }
        return projections;
    }
}
