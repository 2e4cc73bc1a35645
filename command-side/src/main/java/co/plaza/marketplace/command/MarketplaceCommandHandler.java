package co.plaza.marketplace.command;

import co.plaza.marketplace.api.AdCommands.CreateAdCommand;
import co.plaza.marketplace.api.CategoryCommands.CreateCategoryCommand;
import co.plaza.marketplace.api.AdCommands.DeleteAdCommand;
import co.plaza.marketplace.api.CategoryCommands.DeleteCategoryCommand;
import co.plaza.marketplace.api.FollowCommands.FollowUserCommand;
import co.plaza.marketplace.api.FollowCommands.UnfollowCommand;
import co.plaza.marketplace.api.AdCommands.UpdateAdCommand;
import co.plaza.marketplace.api.CategoryCommands.UpdateCategoryCommand;
import co.plaza.reservation.api.ReservationKind;
import co.plaza.reservation.command.Reservations;
import co.plaza.identity.command.UserDirectory;
import co.plaza.platform.elasticsearch.TextFolding;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.context.Caller;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Commands that touch more than one aggregate: an ad moves its category's usage count, a category its parent's
 * and its name/slug reservations, a follow its follower/followed pair reservation. One unit of work each.
 */
@Component
public class MarketplaceCommandHandler {

    /** A follow that already existed: the controller answers 200 with it instead of 201. */
    public record FollowResult(UUID followId, boolean created) {
    }

    private final Repository<Ad> adds;
    private final Repository<Category> categories;
    private final Repository<Follow> follows;
    private final Reservations reservations;
    private final UserDirectory users;

    public MarketplaceCommandHandler(Repository<Ad> adds, Repository<Category> categories, Repository<Follow> follows,
                                     Reservations reservations, UserDirectory users) {
        this.adds = adds;
        this.categories = categories;
        this.follows = follows;
        this.reservations = reservations;
        this.users = users;
    }

    @CommandHandler
    public UUID handle(CreateAdCommand command, MetaData metaData) throws Exception {
        Caller.from(metaData).requireOwnerOrStaff(command.userId());
        if (!users.exists(command.userId())) {
            throw DomainException.field("user_id", "error.user_not_found");
        }
        useCategory(command.details().categoryId(), command.userId(), true);
        adds.newInstance(() -> new Ad(command));
        return command.addId();
    }

    @CommandHandler
    public void handle(UpdateAdCommand command, MetaData metaData) {
        Aggregate<Ad> add = loadAdd(command.addId(), command.expectedVersion());
        UUID before = add.invoke(a -> a.update(command, metaData));
        UUID after = command.details().categoryId();
        if (!Objects.equals(before, after)) {
            UUID owner = add.invoke(Ad::userId);
            useCategory(after, owner, true);
            useCategory(before, owner, false);
        }
    }

    @CommandHandler
    public void handle(DeleteAdCommand command, MetaData metaData) {
        Aggregate<Ad> add = loadAdd(command.addId(), command.expectedVersion());
        add.execute(a -> a.delete(metaData));
        // the category of the deleted event is the ad's last one
        categoryOfDeleted(add).ifPresent(c -> useCategory(c, add.invoke(Ad::userId), false));
    }

    @CommandHandler
    public UUID handle(CreateCategoryCommand c, MetaData metaData) throws Exception {
        Caller.from(metaData).requireStaff();
        claimNames(c.categoryId(), c.name(), c.slug());
        useCategory(c.parentId(), null, true);
        categories.newInstance(() -> new Category(c));
        return c.categoryId();
    }

    @CommandHandler
    public void handle(UpdateCategoryCommand c, MetaData metaData) {
        Caller.from(metaData).requireStaff();
        Aggregate<Category> category = loadCategory(c.categoryId()).orElseThrow(DomainException::notFound);
        String oldName = category.invoke(Category::name);
        String oldSlug = category.invoke(Category::slug);
        UUID oldParent = category.invoke(Category::parentId);
        if (!Objects.equals(oldParent, c.parentId())) {
            requireNoCycle(c.categoryId(), c.parentId());
        }
        claimNames(c.categoryId(), c.name(), c.slug());
        category.execute(cat -> cat.update(c));
        if (!TextFolding.fold(oldName).equals(TextFolding.fold(c.name()))) {
            reservations.release(ReservationKind.CATEGORY_NAME, TextFolding.fold(oldName), c.categoryId());
        }
        if (!TextFolding.fold(oldSlug).equals(TextFolding.fold(c.slug()))) {
            reservations.release(ReservationKind.CATEGORY_SLUG, TextFolding.fold(oldSlug), c.categoryId());
        }
        if (!Objects.equals(oldParent, c.parentId())) {
            useCategory(c.parentId(), null, true);
            useCategory(oldParent, null, false);
        }
    }

    @CommandHandler
    public void handle(DeleteCategoryCommand c, MetaData metaData) {
        Caller.from(metaData).requireStaff();
        Aggregate<Category> category = loadCategory(c.categoryId()).orElseThrow(DomainException::notFound);
        category.execute(Category::delete);
        reservations.release(ReservationKind.CATEGORY_NAME, TextFolding.fold(category.invoke(Category::name)), c.categoryId());
        reservations.release(ReservationKind.CATEGORY_SLUG, TextFolding.fold(category.invoke(Category::slug)), c.categoryId());
        useCategory(category.invoke(Category::parentId), null, false);
    }

    @CommandHandler
    public FollowResult handle(FollowUserCommand c, MetaData metaData) throws Exception {
        Caller.from(metaData).requireOwnerOrStaff(c.followerId());
        if (c.followerId().equals(c.followedId())) {
            throw DomainException.field("followed", "error.follow_self");
        }
        if (!users.exists(c.followedId())) {
            throw DomainException.field("followed", "error.user_not_found");
        }
        String pair = c.followerId() + ":" + c.followedId();
        Optional<UUID> existing = reservations.holder(ReservationKind.FOLLOW, pair);
        if (existing.isPresent()) {
            return new FollowResult(existing.get(), false);
        }
        reservations.claim(ReservationKind.FOLLOW, pair, c.followId(), "followed", "error.invalid_value");
        follows.newInstance(() -> new Follow(c));
        return new FollowResult(c.followId(), true);
    }

    @CommandHandler
    public void handle(UnfollowCommand c, MetaData metaData) {
        Aggregate<Follow> follow;
        try {
            follow = follows.load(c.followId().toString());
        } catch (AggregateNotFoundException e) {
            throw DomainException.notFound();
        }
        follow.execute(f -> f.unfollow(metaData));
        reservations.release(ReservationKind.FOLLOW,
                follow.invoke(Follow::followerId) + ":" + follow.invoke(Follow::followedId), c.followId());
    }

    private void claimNames(UUID categoryId, String name, String slug) {
        reservations.claim(ReservationKind.CATEGORY_NAME, TextFolding.fold(name), categoryId, "name",
                "error.category_name_taken");
        reservations.claim(ReservationKind.CATEGORY_SLUG, TextFolding.fold(slug), categoryId, "slug",
                "error.category_slug_taken");
    }

    /** The new parent must not be the category itself nor one of its descendants. */
    private void requireNoCycle(UUID categoryId, UUID newParent) {
        Set<UUID> seen = new HashSet<>();
        for (UUID at = newParent; at != null && seen.add(at); ) {
            if (at.equals(categoryId)) {
                throw DomainException.field("parent", "error.category_cycle");
            }
            at = loadCategory(at).map(cat -> cat.invoke(Category::parentId)).orElse(null);
        }
    }

    private void useCategory(UUID categoryId, UUID actor, boolean used) {
        if (categoryId == null) {
            return;
        }
        Optional<Aggregate<Category>> category = loadCategory(categoryId);
        if (category.isEmpty() || (used && category.get().invoke(Category::isDeleted))) {
            if (used) {
                throw DomainException.field(actor == null ? "parent" : "category", "error.category_not_found");
            }
            return;
        }
        category.get().execute(cat -> cat.use(actor, used));
    }

    private static Optional<UUID> categoryOfDeleted(Aggregate<Ad> add) {
        return Optional.ofNullable(add.invoke(Ad::categoryId));
    }

    private Optional<Aggregate<Category>> loadCategory(UUID id) {
        try {
            return Optional.of(categories.load(id.toString()));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }

    private Aggregate<Ad> loadAdd(UUID addId, Long expectedVersion) {
        try {
            return adds.load(addId.toString(), expectedVersion);
        } catch (AggregateNotFoundException e) {
            throw DomainException.notFound();
        }
    }
}
