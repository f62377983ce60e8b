package dev.esnetpol.cli;

import dev.esnetpol.input.YamlReading;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * {@code --yaml kubectl|1.2}, global (given before or after the command): how every YAML the command reads is
 * typed ({@link YamlReading}). Applied in one place, around the command's execution, to the one reader
 * ({@code YamlSources}), so no command has to pass it on.
 */
final class YamlOption {

    static final String NAME = "--yaml";

    static final String DESCRIPTION = "How plain words in YAML are typed: kubectl (the default) reads YAML as kubectl does "
            + "(YAML 1.1: unquoted y, n, yes, no, on, off are booleans, so a label value y is refused); 1.2 reads files written "
            + "for a YAML 1.2 reader (only true and false are booleans), which kubectl itself could not apply as written.";

    private YamlOption() {
    }

    /** picocli's conversion of the option's value, with the values that exist in its error. */
    static final class Converter implements CommandLine.ITypeConverter<YamlReading> {
        @Override
        public YamlReading convert(String value) {
            try {
                return YamlReading.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Runs {@code next} with the reading the command line names (the last one given, at any level), kubectl's otherwise. */
    static int execute(ParseResult parsed, java.util.function.ToIntFunction<ParseResult> next) {
        YamlReading reading = YamlReading.KUBECTL;
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(NAME)) {
                reading = level.matchedOptionValue(NAME, reading);
            }
        }
        try (YamlReading.Scope ignored = reading.use()) {
            return next.applyAsInt(parsed);
        }
    }
}
