package io.github.xmppiot.discovery.internal;

import io.github.xmppiot.discovery.Comparison;
import io.github.xmppiot.discovery.NumericComparison;
import io.github.xmppiot.discovery.NumericRange;
import io.github.xmppiot.discovery.SearchOperator;
import io.github.xmppiot.discovery.StringComparison;
import io.github.xmppiot.discovery.StringMask;
import io.github.xmppiot.discovery.StringRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates XEP-0347 §3.15 search operators into one SQL query over the tag table, so that each operator is answered
 * from the index on (name, str_value) or (name, num_value): one alias of the tag table per operator, joined on the
 * thing id. Only rows flagged searchable (claimed, public, not {@code KEY}) take part.
 */
public final class SqlSearch {

    private final String sql;
    private final List<Object> parameters;

    private SqlSearch(String sql, List<Object> parameters) {
        this.sql = sql;
        this.parameters = List.copyOf(parameters);
    }

    /** @return the query text, selecting thing ids in ascending order */
    public String sql() {
        return sql;
    }

    /** @return the positional parameters (String or Double, then offset and limit as Integer) */
    public List<Object> parameters() {
        return parameters;
    }

    /**
     * Builds the query for a page of ids.
     *
     * @param operators at least one operator
     * @param offset    rows to skip
     * @param fetch     rows to fetch
     * @return the query
     */
    public static SqlSearch of(List<SearchOperator> operators, int offset, int fetch) {
        if (operators.isEmpty()) {
            throw new IllegalArgumentException("no operator");
        }
        StringBuilder sb = new StringBuilder("SELECT t0.thing_id FROM tag t0");
        List<Object> params = new ArrayList<>();
        List<Object> firstParams = new ArrayList<>();
        String first = null;
        for (int i = 0; i < operators.size(); i++) {
            String alias = "t" + i;
            List<Object> p = i == 0 ? firstParams : params;
            p.add(operators.get(i).key());
            String cond = alias + ".name = ? AND " + alias + ".searchable = TRUE AND " + condition(alias, operators.get(i), p);
            if (i == 0) {
                first = cond;
            } else {
                sb.append(" JOIN tag ").append(alias).append(" ON ").append(alias).append(".thing_id = t0.thing_id AND ")
                        .append(cond);
            }
        }
        sb.append(" WHERE ").append(first).append(" ORDER BY t0.thing_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        params.addAll(firstParams);
        params.add(offset);
        params.add(fetch);
        return new SqlSearch(sb.toString(), params);
    }

    static String condition(String alias, SearchOperator op, List<Object> params) {
        if (op instanceof StringComparison s) {
            params.add(s.value());
            return alias + ".str_value " + sqlOperator(s.comparison()) + " ?";
        }
        if (op instanceof NumericComparison n) {
            params.add(n.doubleValue());
            return alias + ".num_value " + sqlOperator(n.comparison()) + " ?";
        }
        if (op instanceof StringRange r) {
            params.add(r.min());
            params.add(r.max());
            return range(alias + ".str_value", r.negated(), r.minIncluded(), r.maxIncluded());
        }
        if (op instanceof NumericRange r) {
            params.add(r.minValue());
            params.add(r.maxValue());
            return range(alias + ".num_value", r.negated(), r.minIncluded(), r.maxIncluded());
        }
        StringMask m = (StringMask) op;
        params.add(likePattern(m));
        return alias + ".str_value LIKE ? ESCAPE '\\'";
    }

    private static String range(String column, boolean negated, boolean minIncluded, boolean maxIncluded) {
        if (!negated) {
            return "(" + column + (minIncluded ? " >= ?" : " > ?") + " AND " + column + (maxIncluded ? " <= ?" : " < ?") + ")";
        }
        return "(" + column + (minIncluded ? " < ?" : " <= ?") + " OR " + column + (maxIncluded ? " > ?" : " >= ?") + ")";
    }

    private static String sqlOperator(Comparison c) {
        switch (c) {
            case EQ: return "=";
            case NEQ: return "<>";
            case GT: return ">";
            case GTEQ: return ">=";
            case LT: return "<";
            default: return "<=";
        }
    }

    /**
     * The LIKE pattern of a mask: literal parts escaped with {@code \}, wildcards as {@code %}.
     *
     * @param mask the mask
     * @return the pattern
     */
    public static String likePattern(StringMask mask) {
        StringBuilder sb = new StringBuilder();
        List<String> parts = mask.parts();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sb.append('%');
            }
            for (char c : parts.get(i).toCharArray()) {
                if (c == '\\' || c == '%' || c == '_') {
                    sb.append('\\');
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
