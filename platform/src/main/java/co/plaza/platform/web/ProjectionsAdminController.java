package co.plaza.platform.web;

import co.plaza.platform.axon.DeadLetters;
import co.plaza.platform.axon.ProcessorDeclarations;
import co.plaza.platform.axon.ProcessorStates;
import co.plaza.platform.axon.ProjectionReplays;
import co.plaza.platform.context.Caller;
import co.plaza.platform.errors.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/admin/projections/} (API.md, Audit and operations; admins only): each projection running in this
 * deployable with its state, position, lag and dead letters, the first {@value #LETTERS} of them listed (ADR 0015).
 * Not paginated: it lists the projections of one deployable, a handful fixed at build time. In the split shape the
 * gateway sends every {@code /api/admin/projections/} request to the query side, where the projections run.
 */
@RestController
public class ProjectionsAdminController {

    static final int LETTERS = 20;

    private final ProcessorDeclarations declarations;
    private final ProcessorStates states;
    private final DeadLetters deadLetters;
    private final ProjectionReplays replays;

    public ProjectionsAdminController(ProcessorDeclarations declarations, ProcessorStates states, DeadLetters deadLetters,
                                      ProjectionReplays replays) {
        this.declarations = declarations;
        this.states = states;
        this.deadLetters = deadLetters;
        this.replays = replays;
    }

    @GetMapping("/api/admin/projections")
    public List<Map<String, Object>> projections(Caller caller) {
        caller.requireStaff();
        List<Map<String, Object>> projections = new ArrayList<>();
        for (ProcessorDeclarations.Declaration declaration : declarations.all()) {
            if (!declaration.isProjection()) {
                continue;
            }
            states.state(declaration.name()).ifPresent(s -> projections.add(render(s)));
        }
        return projections;
    }

    /**
     * {@code POST /api/admin/projections/{name}/replay/}: replays a projection from the start of the event store
     * ({@link ProjectionReplays}, which says what serves meanwhile) and answers 202 with its state; 404 for a name
     * that is not a projection of this deployable, 409 while a replay of it is still running.
     */
    @PostMapping("/api/admin/projections/{name}/replay")
    public ResponseEntity<Map<String, Object>> replay(@PathVariable String name, Caller caller) {
        caller.requireStaff();
        if (!declarations.isProjection(name) || states.state(name).isEmpty()) {
            throw DomainException.notFound();
        }
        replays.replay(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(render(states.state(name).orElseThrow()));
    }

    private Map<String, Object> render(ProcessorStates.State s) {
        String name = s.name();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        // Axon's replay flag outlives the replay (until a new event arrives); ProjectionReplays knows when it is done
        boolean replaying = replays.isReplaying(name);
        String state = "error".equals(s.status()) ? s.status()
                : replaying ? "replaying" : "replaying".equals(s.status()) ? "running" : s.status();
        json.put("state", state);
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
        return json;
    }
}
