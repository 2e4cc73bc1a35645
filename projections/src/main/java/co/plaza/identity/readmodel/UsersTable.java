package co.plaza.identity.readmodel;

import co.plaza.identity.api.Role;
import co.plaza.identity.api.UserQueries.UserView;
import org.springframework.jdbc.core.RowMapper;

import java.util.UUID;

/** The users read model in PostgreSQL (DDL: V3_00): its table and row mapper, for the projection and the queries. */
public final class UsersTable {

    public static final String TABLE = "user_view";

    public static final RowMapper<UserView> ROW = (rs, n) -> new UserView(rs.getObject("id", UUID.class),
            (Long) rs.getObject("legacy_id"), rs.getString("username"), rs.getString("email"),
            rs.getString("phone_number"), rs.getString("first_name"), rs.getString("last_name"),
            Role.fromWire(rs.getString("role")), rs.getBoolean("is_staff"), rs.getString("profile_picture"),
            rs.getBoolean("is_active"), rs.getTimestamp("date_joined").toInstant(), rs.getLong("version"));

    private UsersTable() {
    }
}
