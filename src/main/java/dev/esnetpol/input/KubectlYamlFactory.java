package dev.esnetpol.input;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.Reader;

/**
 * Jackson's YAML factory with parsers that read plain scalars as kubectl does ({@link KubectlYamlParser}):
 * unquoted {@code y} and {@code n} are booleans, as {@code yes} and {@code no} already are. Every YAML that
 * es-netpol reads as kubectl would (files, standard input, {@code --metrics-from} peers) goes through it.
 */
public final class KubectlYamlFactory extends YAMLFactory {

    private static final long serialVersionUID = 1L;

    private KubectlYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    /** A factory with the builder's settings (loader options, parser features) and kubectl's scalars. */
    public static KubectlYamlFactory of(YAMLFactoryBuilder builder) {
        return new KubectlYamlFactory(builder);
    }

    /** A factory with Jackson's default settings and kubectl's scalars. */
    public static KubectlYamlFactory withDefaults() {
        return of(YAMLFactory.builder());
    }

    @Override
    public KubectlYamlFactory copy() {
        _checkInvalidCopy(KubectlYamlFactory.class);
        return new KubectlYamlFactory(rebuild());
    }

    /** Every other way in (strings, bytes, streams, files) ends here with a reader. */
    @Override
    protected YAMLParser _createParser(Reader reader, IOContext context) throws IOException {
        return new KubectlYamlParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
    }
}
