package switchboard.audience.filter;

import java.util.Map;

/**
 * A SQL boolean expression on the alias {@code c} of table {@code contacts}, with its named
 * parameters. The text is built only from whitelisted column names and operators; every value is a
 * parameter. Parameter names start with {@code f_}, so a statement may add its own alongside.
 */
public record SqlCondition(String sql, Map<String, Object> params) {

    public static final SqlCondition ALWAYS = new SqlCondition("true", Map.of());

    public SqlCondition {
        params = Map.copyOf(params);
    }
}
