package io.lede.error;

import java.util.List;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.lede.text.InvalidText;

/** Jackson's failures as problems that name the field, without Jackson's own wording. */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static ProblemException of(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            String duplicate = duplicateField(parse.getOriginalMessage());
            if (duplicate != null) {
                return ProblemException.invalid(duplicate, "appears more than once in the same object");
            }
            return ProblemException.of(ProblemType.MALFORMED, "The body could not be parsed as JSON near line "
                    + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr());
        }
        if (e instanceof JsonMappingException mapping) {
            String field = path(mapping.getPath());
            String message = mapping instanceof InvalidText ? mapping.getOriginalMessage()
                    : mapping instanceof InvalidTypeIdException
                    ? "unknown or missing type; one of paragraph, heading, image, quote, embed"
                    : mapping instanceof UnrecognizedPropertyException ? "is not a field of this resource"
                    : "has the wrong type or format";
            if (field.isEmpty() && String.valueOf(mapping.getOriginalMessage()).startsWith("Trailing token")) {
                return ProblemException.of(ProblemType.MALFORMED, "The body has more after the end of its JSON document");
            }
            if (field.isEmpty()) {
                return ProblemException.of(ProblemType.VALIDATION, "The body does not have the expected shape");
            }
            return new ProblemException(Problem.validation(List.of(new Problem.FieldError(field, message))));
        }
        return ProblemException.of(ProblemType.MALFORMED, "The body could not be parsed as JSON");
    }

    /** Jackson's strict duplicate detection says {@code Duplicate field 'name'}: the field, or null. */
    private static String duplicateField(String message) {
        if (message == null || !message.startsWith("Duplicate field '")) {
            return null;
        }
        int end = message.indexOf('\'', 17);
        return end > 17 ? message.substring(17, end) : null;
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
