package dev.esnetpol.input;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.Reader;

/**
 * Jackson's YAML factory with parsers that type plain scalars as one {@link YamlReading} does
 * ({@link ReadingYamlParser}). {@link DocumentParser} holds one per reading; nothing else makes parsers of the
 * objects es-netpol reads (a kubeconfig is read by {@code kube/Kubeconfig} on its own, as kubectl reads it).
 */
final class ReadingYamlFactory extends YAMLFactory {

    private static final long serialVersionUID = 1L;

    private final YamlReading reading;

    private ReadingYamlFactory(YAMLFactoryBuilder builder, YamlReading reading) {
        super(builder);
        this.reading = reading;
    }

    /** A factory with the builder's settings (loader options, parser features) and the reading's scalars. */
    static ReadingYamlFactory of(YAMLFactoryBuilder builder, YamlReading reading) {
        return new ReadingYamlFactory(builder, reading);
    }

    @Override
    public ReadingYamlFactory copy() {
        _checkInvalidCopy(ReadingYamlFactory.class);
        return new ReadingYamlFactory(rebuild(), reading);
    }

    /** Every other way in (strings, bytes, streams, files) ends here with a reader. */
    @Override
    protected YAMLParser _createParser(Reader reader, IOContext context) throws IOException {
        return new ReadingYamlParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader, this.reading);
    }
}
