package dev.atwatch.spl.eval;

import dev.atwatch.event.FieldValue;
import java.util.Set;

/**
 * How aliases changed the value of one field of a result: the aliases that made the difference, and
 * the value the field would have without them.
 *
 * @param aliases alias descriptions, such as {@code Image<-NewProcessName}
 * @param without the value without aliases, or {@code null} when the field would be absent
 */
record AliasEffect(Set<String> aliases, FieldValue without) {

    AliasEffect {
        aliases = Set.copyOf(aliases);
    }
}
