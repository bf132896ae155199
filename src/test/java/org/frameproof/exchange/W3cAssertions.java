package org.frameproof.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.frameproof.testing.Standards;

/**
 * The W3C Web Annotation test suite's assertions, run as its harness runs them: each assertion is
 * a draft-04 JSON Schema whose {@code $ref}s point into {@code definitions/}; an assertion passes
 * when the schema's verdict equals its {@code expectedResult}.
 */
final class W3cAssertions {
    /** Relative {@code $ref}s of every assertion resolve against this made-up base, mapped to definitions/. */
    private static final String BASE = "https://w3c-annotation-tests.invalid/definitions/";

    private final Path suite;
    private final ObjectMapper mapper = new ObjectMapper();
    private final SchemaRegistry registry;

    W3cAssertions() {
        suite = Standards.file("web-annotation-tests");
        Path definitions = suite.resolve("definitions");
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, builder -> builder.schemas(iri -> {
            if (!iri.startsWith(BASE)) {
                return null;
            }
            Path file = definitions.resolve(iri.substring(BASE.length()));
            return Files.isRegularFile(file) ? read(file) : null;
        }));
    }

    /** One assertion of a {@code .test} file. */
    record Assertion(String path, Schema schema, boolean expectValid, String errorMessage) {
    }

    /** The assertions a {@code .test} file lists (e.g. {@code annotations/annotationMusts.test}). */
    List<Assertion> load(String testFile) {
        try {
            JsonNode test = mapper.readTree(suite.resolve(testFile).toFile());
            List<Assertion> assertions = new ArrayList<>();
            for (JsonNode entry : test.get("assertions")) {
                Path file = suite.resolve(entry.asText());
                JsonNode schemaJson = mapper.readTree(file.toFile());
                Schema schema = registry.getSchema(SchemaLocation.of(BASE + file.getFileName()), schemaJson);
                boolean expectValid = !"invalid".equals(schemaJson.path("expectedResult").asText("valid"));
                assertions.add(new Assertion(entry.asText(), schema, expectValid, schemaJson.path("errorMessage").asText()));
            }
            return assertions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The assertions that {@code document} fails, with the validator's reasons; empty when all pass. */
    List<String> failures(List<Assertion> assertions, JsonNode document) {
        List<String> failures = new ArrayList<>();
        for (Assertion assertion : assertions) {
            List<Error> errors = assertion.schema().validate(document);
            if (errors.isEmpty() != assertion.expectValid()) {
                failures.add(assertion.path() + ": " + assertion.errorMessage() + " " + errors);
            }
        }
        return failures;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
