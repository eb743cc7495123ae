package io.lede.input;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.lede.text.InvalidText;
import io.lede.text.MultilineText;
import io.lede.text.TextRule;
import io.lede.text.Times;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * How every JSON request body is read: strictly, so that what is stored is exactly what the client
 * meant. Jackson's defaults are lenient in ways that lose data silently: a duplicate key keeps the
 * last value, {@code "headline": 5} becomes {@code "5"}, {@code 0} is the first enum constant,
 * {@code {...}}{x} ignores the rest, and a number is read as epoch seconds. Here each is a 400 that
 * names the field. Every string passes {@link TextRule} and every time {@link Times#storableViolation}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last, so that these deserializers win over the ones Quarkus registers (JavaTimeModule's Instant). */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    static final int MAX_NESTING_DEPTH = 32;

    @Override
    public void customize(ObjectMapper objectMapper) {
        objectMapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
        objectMapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        objectMapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        objectMapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        objectMapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        SimpleModule module = new SimpleModule("lede-strict-json");
        module.addDeserializer(String.class, new CheckedString(false));
        module.addDeserializer(Instant.class, new CheckedInstant());
        objectMapper.registerModule(module);
    }

    /** A JSON string, and only a string, that passes the text rule (one line unless marked multi-line). */
    static final class CheckedString extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final boolean multiline;

        CheckedString(boolean multiline) {
            super(String.class);
            this.multiline = multiline;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean marked = property != null && property.getAnnotation(MultilineText.class) != null;
            return marked == multiline ? this : new CheckedString(marked);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw InvalidText.of(parser, "must be a string");
            }
            String value = parser.getText();
            String violation = TextRule.violation(value, multiline);
            if (violation != null) {
                throw InvalidText.of(parser, violation);
            }
            return value;
        }
    }

    /** An ISO-8601 time as a string (never a number), within the years the database stores. */
    static final class CheckedInstant extends StdScalarDeserializer<Instant> {

        CheckedInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw InvalidText.of(parser, "must be an ISO-8601 UTC time string such as 2026-11-24T08:15:00Z");
            }
            Instant time;
            try {
                time = Times.parseInstant(parser.getText());
            } catch (DateTimeParseException e) {
                throw InvalidText.of(parser, "must be an ISO-8601 UTC time such as 2026-11-24T08:15:00Z");
            }
            String violation = Times.storableViolation(time);
            if (violation != null) {
                throw InvalidText.of(parser, violation);
            }
            return time;
        }
    }
}
