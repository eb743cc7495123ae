package io.lede.input;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lede.error.JsonProblems;
import io.lede.error.ProblemException;
import io.lede.error.ProblemType;

/**
 * PATCH for every resource: the current item in request form, an RFC 7396 merge patch over it,
 * and the result validated as a whole, exactly as a PUT of it would be.
 */
@ApplicationScoped
public class MergePatcher {

    private final ObjectMapper objectMapper;
    private final Validator validator;

    public MergePatcher(ObjectMapper objectMapper, Validator validator) {
        this.objectMapper = objectMapper;
        this.validator = validator;
    }

    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.of(ProblemType.VALIDATION, "A merge patch must be a JSON object");
        }
        refuseRemovingRequired(patch, type);
        JsonNode merged = JsonMergePatch.apply(objectMapper.valueToTree(current), patch);
        T result;
        try {
            result = objectMapper.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(new HashSet<>(violations));
        }
        return result;
    }

    /**
     * {@code null} in a merge patch removes the field, which for a field with a default (an
     * article's status) would silently mean the default: such fields are {@link NotRemovable}.
     */
    private static void refuseRemovingRequired(JsonNode patch, Class<?> type) {
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode value = patch.get(component.getName());
            if (value != null && value.isNull() && component.isAnnotationPresent(NotRemovable.class)) {
                throw ProblemException.invalid(component.getName(), "is required: it cannot be null or removed");
            }
        }
    }
}
