package co.plaza.marketplace.command.web;

import co.plaza.marketplace.api.CategoryCommands.CreateCategoryCommand;
import co.plaza.marketplace.api.CategoryCommands.DeleteCategoryCommand;
import co.plaza.marketplace.api.CategoryCommands.UpdateCategoryCommand;
import co.plaza.marketplace.api.CategoryQueries.CategoryView;
import co.plaza.marketplace.api.CategoryQueries.FindCategoryQuery;
import co.plaza.marketplace.api.AdRepresentation;
import co.plaza.marketplace.api.MarketplaceIds;
import co.plaza.platform.context.Caller;
import co.plaza.platform.web.JsonInput;
import co.plaza.platform.web.PathIds;
import co.plaza.platform.web.WriteAnswers;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** Category writes, by admins only (API.md, Marketplace). */
@RestController
public class CategoryController {

    private final CommandGateway commands;
    private final WriteAnswers answers;

    public CategoryController(CommandGateway commands, WriteAnswers answers) {
        this.commands = commands;
        this.answers = answers;
    }

    private record Fields(String name, String slug, String description, UUID parent) {
    }

    @PostMapping("/api/categories")
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body, Caller caller,
                                                      HttpServletResponse response) {
        caller.requireStaff();
        Fields f = read(JsonInput.of(body, false), new Fields("", "", "", null));
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new CreateCategoryCommand(id, null, f.name(), f.slug(), f.description(), f.parent()),
                caller.metaData());
        return respond(HttpStatus.CREATED, caller, id, response);
    }

    @PutMapping("/api/categories/{id}")
    public ResponseEntity<Map<String, Object>> put(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                                   Caller caller, HttpServletResponse response) {
        return update(id, JsonInput.of(body, false), caller, response);
    }

    @PatchMapping("/api/categories/{id}")
    public ResponseEntity<Map<String, Object>> patch(@PathVariable String id,
                                                     @RequestBody(required = false) JsonNode body,
                                                     Caller caller, HttpServletResponse response) {
        return update(id, JsonInput.of(body, true), caller, response);
    }

    private ResponseEntity<Map<String, Object>> update(String rawId, JsonInput in, Caller caller,
                                                       HttpServletResponse response) {
        caller.requireStaff();
        CategoryView current = current(rawId, caller, response);
        Fields f = read(in, new Fields(current.name(), current.slug(), current.description(), current.parentId()));
        commands.sendAndWait(new UpdateCategoryCommand(current.id(), f.name(), f.slug(), f.description(), f.parent()),
                caller.metaData());
        return respond(HttpStatus.OK, caller, current.id(), response);
    }

    @DeleteMapping("/api/categories/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id, Caller caller, HttpServletResponse response) {
        caller.requireStaff();
        CategoryView current = current(id, caller, response);
        commands.sendAndWait(new DeleteCategoryCommand(current.id()), caller.metaData());
        return ResponseEntity.noContent().build();
    }

    private static Fields read(JsonInput in, Fields base) {
        String name = in.string("name", true, 100).map(String::strip).orElse(base.name());
        String slug = in.string("slug", true, 100).map(String::strip).orElse(base.slug());
        if (in.has("slug") && !slug.matches("[-a-zA-Z0-9_]+") && !in.hasErrors()) {
            in.error("slug", "error.invalid_value");
        }
        String description = AdInput.text(in, "description", 20_000, base.description());
        UUID parent = base.parent();
        if (in.isNull("parent")) {
            parent = null;
        } else {
            parent = in.id("parent", false, MarketplaceIds.CATEGORY_TABLE).orElse(parent);
        }
        in.validate();
        return new Fields(name, slug, description, parent);
    }

    private CategoryView current(String rawId, Caller caller, HttpServletResponse response) {
        UUID id = PathIds.resolve(rawId, MarketplaceIds.CATEGORY_TABLE);
        return answers.read(caller, new FindCategoryQuery(id), CategoryView.class, response);
    }

    private ResponseEntity<Map<String, Object>> respond(HttpStatus status, Caller caller, UUID id,
                                                        HttpServletResponse response) {
        return answers.answer(status, caller, new FindCategoryQuery(id), CategoryView.class, AdRepresentation::of,
                response);
    }
}
