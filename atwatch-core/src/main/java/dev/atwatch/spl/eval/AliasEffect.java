package dev.atwatch.spl.eval;

import dev.atwatch.event.FieldValue;
import dev.atwatch.spl.ast.Span;
import java.util.Map;
import java.util.Set;

/**
 * How aliases changed the value of one field of a result: the aliases that made the difference, and
 * the value the field would have without them.
 *
 * @param aliases alias descriptions, such as {@code Image<-NewProcessName}
 * @param without the value without aliases, or {@code null} when the field would be absent
 * @param places where in the query text each alias (of those whose place is known) was read
 */
record AliasEffect(Set<String> aliases, FieldValue without, Map<String, Span> places) {

    AliasEffect {
        aliases = Set.copyOf(aliases);
        places = Map.copyOf(places);
    }
}
