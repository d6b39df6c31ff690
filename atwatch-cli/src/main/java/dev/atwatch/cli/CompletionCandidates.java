package dev.atwatch.cli;

import dev.atwatch.event.Profile;
import dev.atwatch.spl.Semantics;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The values shell completion offers for options that take one of a few words; picocli builds each
 * with its no-argument constructor.
 */
final class CompletionCandidates {

    private CompletionCandidates() {}

    /** {@code --format} of {@code hunt} and {@code query}. */
    static final class SearchFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return RunOptions.FORMATS.iterator();
        }
    }

    /** {@code --format} of {@code convert}. */
    static final class ConvertFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ConvertCommand.FORMATS.iterator();
        }
    }

    /** {@code --format} of {@code lint}. */
    static final class LintFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return LintCommand.FORMATS.iterator();
        }
    }

    /** {@code --format} of {@code validate}. */
    static final class ValidateFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ValidateCommand.FORMATS.iterator();
        }
    }

    /** {@code --semantics}: every {@link Semantics} by its id. */
    static final class SemanticsModes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> ids = new ArrayList<>();
            for (Semantics semantics : Semantics.values()) {
                ids.add(semantics.id());
            }
            return ids.iterator();
        }
    }

    /** {@code --profile}: every {@link Profile} by its id. */
    static final class Profiles implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> ids = new ArrayList<>();
            for (Profile profile : Profile.values()) {
                ids.add(profile.id());
            }
            return ids.iterator();
        }
    }
}
