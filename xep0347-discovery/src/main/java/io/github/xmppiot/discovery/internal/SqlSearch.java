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
 * Translates XEP-0347 §3.15 search operators into one SQL query over the tag table: the most selective operator (by
 * {@link #rank}) is answered from the index on (name, str_value) or (name, num_value), every other one by a correlated
 * {@code EXISTS} on the primary key (thing_id, name). Only rows flagged searchable (claimed, public, not {@code KEY})
 * take part.
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
        List<SearchOperator> ordered = new ArrayList<>(operators);
        ordered.sort(java.util.Comparator.comparingInt(SqlSearch::rank));
        List<Object> params = new ArrayList<>();
        StringBuilder sb = new StringBuilder("SELECT t0.thing_id FROM tag t0 WHERE ");
        sb.append(where("t0", ordered.get(0), params));
        for (int i = 1; i < ordered.size(); i++) {
            String alias = "t" + i;
            sb.append(" AND EXISTS (SELECT 1 FROM tag ")
                    .append(alias)
                    .append(" WHERE ")
                    .append(alias)
                    .append(".thing_id = t0.thing_id AND ")
                    .append(where(alias, ordered.get(i), params))
                    .append(')');
        }
        sb.append(" ORDER BY t0.thing_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        params.add(offset);
        params.add(fetch);
        return new SqlSearch(sb.toString(), params);
    }

    private static String where(String alias, SearchOperator op, List<Object> params) {
        params.add(op.key());
        return alias + ".name = ? AND " + alias + ".searchable = TRUE AND " + condition(alias, op, params);
    }

    /**
     * How selective an operator probably is, lowest first: the first operator drives the query through its index, the
     * others are checked per candidate through the primary key (thing_id, name). Equality is usually the most
     * selective, negations the least.
     */
    static int rank(SearchOperator op) {
        if (op instanceof StringComparison s) {
            return s.comparison() == Comparison.EQ ? 0 : s.comparison() == Comparison.NEQ ? 4 : 2;
        }
        if (op instanceof NumericComparison n) {
            return n.comparison() == Comparison.EQ ? 0 : n.comparison() == Comparison.NEQ ? 4 : 2;
        }
        if (op instanceof StringMask m) {
            return m.parts().get(0).isEmpty() ? 3 : 1;
        }
        if (op instanceof StringRange r) {
            return r.negated() ? 4 : 2;
        }
        return ((NumericRange) op).negated() ? 4 : 2;
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
            return "(" + column + (minIncluded ? " >= ?" : " > ?") + " AND " + column + (maxIncluded ? " <= ?" : " < ?")
                    + ")";
        }
        return "(" + column + (minIncluded ? " < ?" : " <= ?") + " OR " + column + (maxIncluded ? " > ?" : " >= ?")
                + ")";
    }

    private static String sqlOperator(Comparison c) {
        switch (c) {
            case EQ:
                return "=";
            case NEQ:
                return "<>";
            case GT:
                return ">";
            case GTEQ:
                return ">=";
            case LT:
                return "<";
            default:
                return "<=";
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
